package dev.tokensmith.transplant.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an alignment shares, adds and drops, by token class; both sides' spelling, normalization and number
 * scheme; every special token's row; and warnings where a transplant loses something (numbers cut differently,
 * text normalized differently, special roles without a source). {@link AlignmentReportText} and {@link
 * AlignmentReportJson} render it.
 *
 * <pre>{@code
 * AlignmentReport r = AlignmentReport.of(VocabAlignment.between(llama2, llama3), "llama2", "llama3");
 * System.out.print(AlignmentReportText.render(r));
 * }</pre>
 *
 * @param from the source side
 * @param to the target side
 * @param total counts over all classes
 * @param byClass counts per class, every class present, in class order
 * @param specials every special token's row ({@link VocabAlignment#specialRows()})
 * @param warnings what a transplant along this alignment loses, one sentence each
 */
public record AlignmentReport(
        Side from,
        Side to,
        Counts total,
        Map<TokenClass, Counts> byClass,
        List<VocabAlignment.SpecialRow> specials,
        List<String> warnings) {

    /** How many examples of new and dropped tokens each class keeps. */
    public static final int EXAMPLES = 5;

    public AlignmentReport {
        byClass = Collections.unmodifiableMap(new EnumMap<>(byClass));
        specials = List.copyOf(specials);
        warnings = List.copyOf(warnings);
    }

    /**
     * One side of the alignment.
     *
     * @param name how the user named the tokenizer
     * @param family the spelling family
     * @param spelling how its tokens are spelled ({@link TokenSpelling#describe()})
     * @param normalization what its normalizer does to text, or {@code "none"}
     * @param tokens ids holding a token
     * @param special special tokens among them
     * @param roles each role found and its token text, in role order
     * @param numbers its number scheme
     */
    public record Side(
            String name,
            TokenSpelling.Family family,
            String spelling,
            String normalization,
            int tokens,
            int special,
            Map<SpecialRole, String> roles,
            NumberScheme numbers) {
        public Side {
            roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        }
    }

    /**
     * Counts of one class (or of all).
     *
     * @param shared target tokens with a source token
     * @param added target tokens without one (the JSON calls them {@code new})
     * @param dropped source tokens no target token has
     * @param newExamples the first few new tokens in target id order, as canonical text
     * @param droppedExamples the first few dropped tokens in source id order, as canonical text
     */
    public record Counts(int shared, int added, int dropped, List<String> newExamples, List<String> droppedExamples) {
        public Counts {
            newExamples = List.copyOf(newExamples);
            droppedExamples = List.copyOf(droppedExamples);
        }
    }

    /** The report of {@code alignment}, naming the sides as the user did. */
    public static AlignmentReport of(VocabAlignment alignment, String fromName, String toName) {
        Objects.requireNonNull(alignment, "alignment");
        CanonicalVocab from = alignment.from();
        CanonicalVocab to = alignment.to();
        Map<TokenClass, Tally> tallies = new EnumMap<>(TokenClass.class);
        for (TokenClass c : TokenClass.values()) {
            tallies.put(c, new Tally());
        }
        for (int t : alignment.sharedTargetIds()) {
            tallies.get(TokenClass.of(to.bytesUnsafe(t))).shared++;
        }
        for (int t : alignment.newTargetIds()) {
            Tally tally = tallies.get(TokenClass.of(to.bytesUnsafe(t)));
            tally.added++;
            tally.example(tally.newExamples, to.bytesUnsafe(t));
        }
        for (int s : alignment.droppedSourceIds()) {
            Tally tally = tallies.get(TokenClass.of(from.bytesUnsafe(s)));
            tally.dropped++;
            tally.example(tally.droppedExamples, from.bytesUnsafe(s));
        }
        Tally special = tallies.get(TokenClass.SPECIAL);
        for (VocabAlignment.SpecialRow r : alignment.specialRows()) {
            switch (r.match()) {
                case NEW -> {
                    special.added++;
                    special.exampleText(special.newExamples, r.targetToken());
                }
                case DROPPED -> {
                    special.dropped++;
                    special.exampleText(special.droppedExamples, r.sourceToken());
                }
                default -> special.shared++;
            }
        }
        Map<TokenClass, Counts> byClass = new EnumMap<>(TokenClass.class);
        int shared = 0;
        int added = 0;
        int dropped = 0;
        for (Map.Entry<TokenClass, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            byClass.put(e.getKey(), new Counts(t.shared, t.added, t.dropped, t.newExamples, t.droppedExamples));
            shared += t.shared;
            added += t.added;
            dropped += t.dropped;
        }
        Side fromSide = side(fromName, from);
        Side toSide = side(toName, to);
        List<String> warnings = AlignmentWarnings.of(alignment, fromSide, toSide);
        return new AlignmentReport(
                fromSide,
                toSide,
                new Counts(shared, added, dropped, List.of(), List.of()),
                byClass,
                alignment.specialRows(),
                warnings);
    }

    private static Side side(String name, CanonicalVocab v) {
        Map<SpecialRole, String> roles = new LinkedHashMap<>();
        for (SpecialRole r : SpecialRole.values()) {
            SpecialTokens.RoleToken t = v.specials().roles().get(r);
            if (t != null) {
                roles.put(r, t.token());
            }
        }
        return new Side(
                name,
                v.spelling().family(),
                v.spelling().describe(),
                Normalization.describe(v.tokenizer()),
                v.size(),
                v.specials().tokens().size(),
                roles,
                NumberScheme.probe(v));
    }

    /** Counts being gathered for one class. */
    private static final class Tally {
        int shared;
        int added;
        int dropped;
        final List<String> newExamples = new ArrayList<>();
        final List<String> droppedExamples = new ArrayList<>();

        void example(List<String> into, byte[] bytes) {
            if (into.size() < EXAMPLES) {
                into.add(Visible.bytes(bytes));
            }
        }

        void exampleText(List<String> into, String text) {
            if (into.size() < EXAMPLES) {
                into.add(text);
            }
        }
    }
}
