package dev.tokensmith.core.text.scan;

import static dev.tokensmith.core.text.scan.CharClasses.L;
import static dev.tokensmith.core.text.scan.CharClasses.N;
import static dev.tokensmith.core.text.scan.CharClasses.WS;

/**
 * GPT-2's pattern {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+}, and
 * tiktoken's r50k form of it, which matches the same: lower-case contractions; an optional space and a run of
 * letters, of numbers or of other characters; a run of white space, less its last character when a
 * non-space follows it (that character then prefixes the next piece).
 */
final class Gpt2Scanner implements PieceScanner {
    static final Gpt2Scanner INSTANCE = new Gpt2Scanner();

    private Gpt2Scanner() {}

    @Override
    public int pieceEnd(char[] text, int start, int limit) {
        return pieceEnd(text, null, start, limit);
    }

    @Override
    public int pieceEnd(char[] text, byte[] ascii, int start, int limit) {
        char c = text[start];
        if (c == '\'') {
            int end = Contractions.caseSensitive(text, start, limit);
            if (end > 0) {
                return end;
            }
        }
        int from = start;
        int k = CharClasses.at(text, start, limit);
        if (c == ' ' && start + 1 < limit) {
            int next = CharClasses.at(text, start + 1, limit);
            if ((next & WS) == 0) {
                from = start + 1;
                k = next;
            }
        }
        int i = from + CharClasses.width(k);
        if ((k & L) != 0) {
            return Runs.letters(text, ascii, i, limit);
        }
        if ((k & N) != 0) {
            return Runs.run(text, i, limit, N);
        }
        if ((k & WS) == 0) {
            return Runs.other(text, i, limit);
        }
        return Runs.spaces(text, start, limit);
    }
}
