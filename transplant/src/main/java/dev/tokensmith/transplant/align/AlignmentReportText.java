package dev.tokensmith.transplant.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@link AlignmentReport} as text for people: both sides, the counts per class, the special rows (those with
 * a role or a source first, at most {@value #SPECIAL_ROWS_SHOWN}), warnings, and examples of new and dropped
 * tokens (canonical text in quotes; {@code \xNN} is a byte outside UTF-8).
 *
 * <pre>{@code
 * System.out.print(AlignmentReportText.render(report));
 * }</pre>
 */
public final class AlignmentReportText {
    static final int SPECIAL_ROWS_SHOWN = 20;

    private AlignmentReportText() {}

    public static String render(AlignmentReport r) {
        StringBuilder sb = new StringBuilder();
        side(sb, "from", r.from());
        side(sb, "to", r.to());
        sb.append('\n');
        sb.append(String.format("%-42s %9s %9s %9s%n", "tokens by class", "shared", "new", "dropped"));
        for (Map.Entry<TokenClass, AlignmentReport.Counts> e : r.byClass().entrySet()) {
            AlignmentReport.Counts c = e.getValue();
            sb.append(String.format("  %-40s %9d %9d %9d%n", e.getKey().label(), c.shared(), c.added(), c.dropped()));
        }
        AlignmentReport.Counts t = r.total();
        sb.append(String.format("  %-40s %9d %9d %9d%n", "total", t.shared(), t.added(), t.dropped()));
        specials(sb, r.specials());
        if (!r.warnings().isEmpty()) {
            sb.append("\nwarnings\n");
            for (String w : r.warnings()) {
                sb.append("  - ").append(w).append('\n');
            }
        }
        examples(sb, r);
        return sb.toString();
    }

    private static void side(StringBuilder sb, String label, AlignmentReport.Side s) {
        sb.append(String.format("%-15s%s%n", label, s.name()));
        sb.append(String.format("%-15s%s%n", "  spelling", s.spelling()));
        sb.append(String.format("%-15s%s%n", "  normalizes", s.normalization()));
        sb.append(String.format("%-15s%d (%d special)%n", "  tokens", s.tokens(), s.special()));
        List<String> roles = new ArrayList<>();
        s.roles().forEach((role, token) -> roles.add(role.label() + "=" + token));
        sb.append(String.format("%-15s%s%n", "  roles", roles.isEmpty() ? "none found" : String.join(", ", roles)));
        sb.append(String.format("%-15s%s%n", "  numbers", s.numbers().describe()));
    }

    private static void specials(StringBuilder sb, List<VocabAlignment.SpecialRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append(String.format("%nspecial tokens (%d rows)%n", rows.size()));
        sb.append(String.format("  %-36s %-36s %-14s %s%n", "target", "source", "roles", "match"));
        List<VocabAlignment.SpecialRow> ordered = new ArrayList<>();
        rows.stream().filter(AlignmentReportText::notable).forEach(ordered::add);
        rows.stream().filter(x -> !notable(x)).forEach(ordered::add);
        int shown = Math.min(SPECIAL_ROWS_SHOWN, ordered.size());
        for (VocabAlignment.SpecialRow x : ordered.subList(0, shown)) {
            List<String> roles = new ArrayList<>();
            x.roles().forEach(role -> roles.add(role.label()));
            sb.append(String.format(
                    "  %-36s %-36s %-14s %s%n",
                    token(x.targetId(), x.targetToken()),
                    token(x.sourceId(), x.sourceToken()),
                    roles.isEmpty() ? "-" : String.join("/", roles),
                    x.match().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        }
        if (shown < ordered.size()) {
            long added = ordered.subList(shown, ordered.size()).stream()
                    .filter(x -> x.match() == VocabAlignment.Match.NEW)
                    .count();
            long dropped = ordered.subList(shown, ordered.size()).stream()
                    .filter(x -> x.match() == VocabAlignment.Match.DROPPED)
                    .count();
            sb.append(String.format(
                    "  ... and %d more (%d new, %d dropped; --json lists all)%n",
                    ordered.size() - shown, added, dropped));
        }
    }

    /** A row with a role or a match: shown before the many role-less new or dropped rows (reserved tokens). */
    private static boolean notable(VocabAlignment.SpecialRow x) {
        return !x.roles().isEmpty()
                || (x.match() != VocabAlignment.Match.NEW && x.match() != VocabAlignment.Match.DROPPED);
    }

    private static String token(int id, String text) {
        return id < 0 ? "-" : id + " " + Visible.bytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void examples(StringBuilder sb, AlignmentReport r) {
        boolean header = false;
        for (Map.Entry<TokenClass, AlignmentReport.Counts> e : r.byClass().entrySet()) {
            AlignmentReport.Counts c = e.getValue();
            if (e.getKey() == TokenClass.SPECIAL
                    || (c.newExamples().isEmpty() && c.droppedExamples().isEmpty())) {
                continue;
            }
            if (!header) {
                sb.append(String.format("%nexamples (first %d by id)%n", AlignmentReport.EXAMPLES));
                header = true;
            }
            if (!c.newExamples().isEmpty()) {
                sb.append(String.format("  %-14s new      %s%n", e.getKey().label(), quoted(c.newExamples())));
            }
            if (!c.droppedExamples().isEmpty()) {
                sb.append(String.format("  %-14s dropped  %s%n", e.getKey().label(), quoted(c.droppedExamples())));
            }
        }
    }

    private static String quoted(List<String> xs) {
        List<String> q = new ArrayList<>();
        for (String x : xs) {
            q.add('"' + x.replace("\"", "\\\"") + '"');
        }
        return String.join(" ", q);
    }
}
