package dev.tokensmith.core.diff;

import java.util.List;

/**
 * The details of one disagreement, enough to reproduce and read it without rerunning: which input, which token,
 * both sides' ids (and token strings and offsets where known) in a window around it, and the input text there.
 *
 * @param kind what disagrees
 * @param inputIndex index of the input in the checked sequence (0-based)
 * @param inputLabel where the input came from
 * @param inputChars length of the input in UTF-16 units
 * @param tokenPosition first token that differs (for {@link MismatchKind#LENGTH} the length of the shorter side);
 *     -1 for {@link MismatchKind#ERROR} and {@link MismatchKind#DECODE}
 * @param oursTokenCount number of tokens we produced (-1 if we threw)
 * @param referenceTokenCount number of tokens the reference produced
 * @param windowStart token index where both windows start
 * @param oursIds our ids from {@code windowStart}
 * @param referenceIds the reference's ids from {@code windowStart}
 * @param oursTokens our token strings in the window, or null
 * @param referenceTokens the reference's token strings in the window, or null
 * @param oursOffsets our offsets in the window (start, end pairs), or null
 * @param referenceOffsets the reference's offsets in the window, or null
 * @param textPosition UTF-16 index in the input where the outputs part ways (from offsets where known, otherwise
 *     estimated from the length of the decoded common prefix)
 * @param textAround the input around {@code textPosition}, made printable; the reference's differing token's
 *     source is bracketed with ⟦ ⟧
 * @param decodePosition for {@link MismatchKind#DECODE}, the first differing char of the decoded texts, else -1
 * @param oursDecoded for {@link MismatchKind#DECODE}, our decoded text around {@code decodePosition}, else null
 * @param referenceDecoded for {@link MismatchKind#DECODE}, the reference's decoded text there, else null
 * @param detail a one-line summary (for {@link MismatchKind#ERROR}, the exception and where it was thrown)
 */
public record Mismatch(
        MismatchKind kind,
        long inputIndex,
        String inputLabel,
        int inputChars,
        int tokenPosition,
        int oursTokenCount,
        int referenceTokenCount,
        int windowStart,
        int[] oursIds,
        int[] referenceIds,
        List<String> oursTokens,
        List<String> referenceTokens,
        int[] oursOffsets,
        int[] referenceOffsets,
        int textPosition,
        String textAround,
        int decodePosition,
        String oursDecoded,
        String referenceDecoded,
        String detail) {

    /** A multi-line description for people. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(kind)
                .append(" mismatch in input #")
                .append(inputIndex)
                .append(" [")
                .append(inputLabel)
                .append("], ")
                .append(inputChars)
                .append(" chars");
        if (tokenPosition >= 0) {
            b.append(", at token ").append(tokenPosition);
        }
        b.append(" (ours ")
                .append(oursTokenCount)
                .append(" tokens, reference ")
                .append(referenceTokenCount)
                .append(")\n");
        b.append("  ").append(detail).append('\n');
        if (textPosition >= 0) {
            b.append("  text at char ")
                    .append(textPosition)
                    .append(": ")
                    .append(textAround)
                    .append('\n');
        }
        if (kind != MismatchKind.ERROR && kind != MismatchKind.DECODE) {
            appendWindow(b, "ours     ", oursIds, oursTokens, oursOffsets);
            appendWindow(b, "reference", referenceIds, referenceTokens, referenceOffsets);
        }
        if (kind == MismatchKind.DECODE) {
            b.append("  decoded texts differ at char ").append(decodePosition).append('\n');
            b.append("  ours      decoded: ").append(oursDecoded).append('\n');
            b.append("  reference decoded: ").append(referenceDecoded).append('\n');
        }
        return b.toString();
    }

    private void appendWindow(StringBuilder b, String side, int[] ids, List<String> tokens, int[] offsets) {
        b.append("  ")
                .append(side)
                .append(" tokens ")
                .append(windowStart)
                .append("..")
                .append(windowStart + ids.length)
                .append(':');
        for (int i = 0; i < ids.length; i++) {
            boolean here = windowStart + i == tokenPosition;
            b.append(' ');
            if (here) {
                b.append('[');
            }
            b.append(ids[i]);
            if (tokens != null) {
                b.append(":'").append(Visible.of(tokens.get(i))).append('\'');
            }
            if (offsets != null && kind == MismatchKind.OFFSETS) {
                b.append('@').append(offsets[2 * i]).append('-').append(offsets[2 * i + 1]);
            }
            if (here) {
                b.append(']');
            }
        }
        if (ids.length == 0) {
            b.append(" (none)");
        }
        b.append('\n');
    }
}
