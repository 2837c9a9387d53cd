package dev.tokensmith.core.diff;

import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a {@link DifferentialCheck}: counts, the first mismatch in detail, and time spent on each side.
 * Every component is plain data (numbers, strings, enums, arrays, records), so the record serializes to JSON as is;
 * {@link #report()} is the text for people.
 *
 * @param ours name of the tokenizer under test
 * @param reference name of the reference
 * @param options what was compared
 * @param inputs inputs read (comparable or not)
 * @param chars UTF-16 units in those inputs
 * @param tokens tokens the reference produced on the comparable inputs
 * @param oursTokens tokens we produced on the comparable inputs
 * @param mismatches inputs on which the two disagree (each counted once)
 * @param mismatchesByKind {@code mismatches} split by kind
 * @param notComparable inputs the reference itself could not encode or decode (not counted as mismatches)
 * @param firstNotComparable the first such input and the reference's error, or null
 * @param firstMismatch the first disagreement, or null
 * @param stoppedEarly whether the check stopped at the first mismatch before reading every input
 * @param oursNanos time spent in our tokenizer
 * @param referenceNanos time spent in the reference
 */
public record DifferentialResult(
        String ours,
        String reference,
        DifferentialCheck.Options options,
        long inputs,
        long chars,
        long tokens,
        long oursTokens,
        long mismatches,
        Map<MismatchKind, Long> mismatchesByKind,
        long notComparable,
        String firstNotComparable,
        Mismatch firstMismatch,
        boolean stoppedEarly,
        long oursNanos,
        long referenceNanos) {

    public DifferentialResult {
        mismatchesByKind = Map.copyOf(mismatchesByKind);
    }

    /** True when no input disagreed. */
    public boolean passed() {
        return mismatches == 0;
    }

    /** A readable summary, with the first mismatch in detail. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append("Differential check: ")
                .append(ours)
                .append(" vs ")
                .append(reference)
                .append(passed() ? " — OK" : " — MISMATCH")
                .append('\n');
        b.append(String.format(
                Locale.ROOT,
                "  inputs %,d (%,d chars), tokens %,d (ours %,d)%s%n",
                inputs,
                chars,
                tokens,
                oursTokens,
                stoppedEarly ? ", stopped at the first mismatch" : ""));
        b.append("  compared: ids")
                .append(options.compareOffsets() ? ", offsets (where both report them)" : "")
                .append(
                        options.compareDecode()
                                ? ", decode(skipSpecialTokens=" + options.skipSpecialTokensInDecode() + ")"
                                : "")
                .append("; addSpecialTokens=")
                .append(options.addSpecialTokens())
                .append('\n');
        b.append(String.format(Locale.ROOT, "  mismatches: %,d", mismatches));
        if (mismatches > 0) {
            b.append(" (");
            String sep = "";
            for (MismatchKind k : MismatchKind.values()) {
                Long n = mismatchesByKind.get(k);
                if (n != null && n > 0) {
                    b.append(sep).append(k).append(' ').append(String.format(Locale.ROOT, "%,d", n));
                    sep = ", ";
                }
            }
            b.append(')');
        }
        b.append('\n');
        if (notComparable > 0) {
            b.append(String.format(
                    Locale.ROOT,
                    "  not comparable (the reference failed): %,d, first: %s%n",
                    notComparable,
                    firstNotComparable));
        }
        b.append(String.format(
                Locale.ROOT, "  time: ours %.2f s, reference %.2f s%n", oursNanos / 1e9, referenceNanos / 1e9));
        if (firstMismatch != null) {
            b.append("First ").append(firstMismatch.describe());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return report();
    }
}
