package dev.tokensmith.core.text.scan;

import static dev.tokensmith.core.text.scan.CharClasses.L;
import static dev.tokensmith.core.text.scan.CharClasses.LNW;
import static dev.tokensmith.core.text.scan.CharClasses.N;
import static dev.tokensmith.core.text.scan.CharClasses.WS;

/**
 * The cl100k family: {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
 * ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+} (Llama 3), with the number group size as a parameter (1 for
 * Qwen2, unbounded for tiktoken's cl100k text read as Oniguruma, where {@code \p{N}{1,3}+} repeats the group).
 *
 * <p>tiktoken's cl100k ends in {@code \s++$|\s*[\r\n]|\s+(?!\S)|\s} instead, which differs in one case only: white
 * space that runs to the end of the input and holds a line break after which more white space follows is one
 * piece there, but ends at its last line break in Llama 3's form ({@code "\n  "} against {@code "\n", "  "}).
 * Elsewhere both end a run at its last line break, else keep all but the last char before a non-space.
 */
final class Cl100kScanner implements PieceScanner {
    private final int numberGroup;
    private final boolean spaceRunsToEnd;

    /**
     * @param numberGroup the most numbers in one piece
     * @param spaceRunsToEnd whether white space reaching the end of the input is one piece ({@code \s++$})
     */
    Cl100kScanner(int numberGroup, boolean spaceRunsToEnd) {
        this.numberGroup = numberGroup;
        this.spaceRunsToEnd = spaceRunsToEnd;
    }

    @Override
    public int pieceEnd(char[] text, int start, int limit) {
        return pieceEnd(text, null, start, limit);
    }

    @Override
    public int pieceEnd(char[] text, byte[] ascii, int start, int limit) {
        char c = text[start];
        if (c == '\'') {
            int end = Contractions.caseInsensitive(text, start, limit);
            if (end > 0) {
                return end;
            }
        }
        int k = CharClasses.at(text, start, limit);
        int i = start + CharClasses.width(k);
        if ((k & L) != 0) {
            return Runs.letters(text, ascii, i, limit);
        }
        if ((k & N) != 0) {
            return Runs.numbers(text, i, limit, numberGroup - 1);
        }
        // [^\r\n\p{L}\p{N}] before letters
        if (c != '\r' && c != '\n' && i < limit) {
            int next = CharClasses.at(text, i, limit);
            if ((next & L) != 0) {
                return Runs.letters(text, ascii, i + CharClasses.width(next), limit);
            }
        }
        if ((k & WS) == 0) {
            return Runs.newlines(text, Runs.other(text, i, limit), limit);
        }
        if (c == ' ' && i < limit) {
            int next = CharClasses.at(text, i, limit);
            if ((next & LNW) == 0) {
                return Runs.newlines(text, Runs.other(text, i + CharClasses.width(next), limit), limit);
            }
        }
        return Runs.spacesToLastBreak(text, start, limit, spaceRunsToEnd);
    }
}
