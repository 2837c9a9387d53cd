package dev.tokensmith.transplant.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The sentences of an alignment report that say what a transplant along it loses. */
final class AlignmentWarnings {
    private AlignmentWarnings() {}

    static List<String> of(VocabAlignment a, AlignmentReport.Side from, AlignmentReport.Side to) {
        List<String> out = new ArrayList<>();
        if (from.numbers().differsFrom(to.numbers())) {
            out.add("numbers are cut differently: from splits them into "
                    + from.numbers().describe() + ", to into " + to.numbers().describe()
                    + "; arithmetic is what a transplant loses first (OMP paper)");
        }
        if (!from.normalization().equals(to.normalization())) {
            out.add("the sides normalize text differently (from: " + from.normalization() + "; to: "
                    + to.normalization() + "): tokens are compared in each side's normalized text, so what one"
                    + " side's normalizer removes (capitals, accents, width variants) is never shared");
        }
        if (from.family() == TokenSpelling.Family.WORD_SPLIT || to.family() == TokenSpelling.Family.WORD_SPLIT) {
            out.add("word-split tokens do not say whether a space preceded them: word-initial tokens are taken to"
                    + " follow a space, punctuation and unspaced scripts to follow their neighbour");
        }
        Map<Integer, List<String>> targetsPerSource = new TreeMap<>();
        for (VocabAlignment.SpecialRow r : a.specialRows()) {
            if (r.match() == VocabAlignment.Match.NEW && !r.roles().isEmpty()) {
                out.add("the target's " + roles(r) + " token " + r.targetToken() + " has no source token: it starts"
                        + " as a new token (name one with --special " + first(r) + "=TOKEN)");
            }
            if (r.sourceId() >= 0 && r.targetId() >= 0) {
                targetsPerSource
                        .computeIfAbsent(r.sourceId(), k -> new ArrayList<>())
                        .add(r.targetToken());
            }
        }
        targetsPerSource.forEach((source, targets) -> {
            if (targets.size() > 1) {
                out.add("the source token " + a.from().token(source) + " starts " + targets.size()
                        + " target special tokens (" + String.join(", ", targets) + "); each keeps its own row");
            }
        });
        return out;
    }

    private static String roles(VocabAlignment.SpecialRow r) {
        List<String> labels = new ArrayList<>();
        r.roles().forEach(x -> labels.add(x.label()));
        return String.join("/", labels);
    }

    private static String first(VocabAlignment.SpecialRow r) {
        return r.roles().iterator().next().label();
    }
}
