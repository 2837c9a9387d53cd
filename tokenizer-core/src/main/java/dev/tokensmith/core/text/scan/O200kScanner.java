package dev.tokensmith.core.text.scan;

import static dev.tokensmith.core.text.scan.CharClasses.BOTH;
import static dev.tokensmith.core.text.scan.CharClasses.L;
import static dev.tokensmith.core.text.scan.CharClasses.LL;
import static dev.tokensmith.core.text.scan.CharClasses.LNW;
import static dev.tokensmith.core.text.scan.CharClasses.MARK;
import static dev.tokensmith.core.text.scan.CharClasses.N;
import static dev.tokensmith.core.text.scan.CharClasses.UPPER;
import static dev.tokensmith.core.text.scan.CharClasses.WS;

/**
 * tiktoken's o200k pattern (also GPT-4o's tokenizer.json):
 *
 * <pre>
 * [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
 * </pre>
 *
 * Call the first bracket U (upper) and the second W (lower); Lm, Lo and marks are in both. The backtracking that
 * the first alternative does is resolved here in one pass: after the longest run of U, a lower-case letter (Ll,
 * the only W char that is not also U) continues the word with the longest run of W; otherwise the word ends at
 * the run's last Lm, Lo or mark; and if the run has none, the second alternative takes the whole run. Marks are
 * neither letters nor numbers, so they can also be the optional prefix, and that is tried first.
 */
final class O200kScanner implements PieceScanner {
    static final O200kScanner INSTANCE = new O200kScanner();

    private O200kScanner() {}

    @Override
    public int pieceEnd(char[] text, int start, int limit) {
        return pieceEnd(text, null, start, limit);
    }

    @Override
    public int pieceEnd(char[] text, byte[] ascii, int start, int limit) {
        char c = text[start];
        int k = CharClasses.at(text, start, limit);
        int i = start + CharClasses.width(k);
        if ((k & L) != 0) {
            int end = upperThenLower(text, ascii, start, limit);
            return contraction(text, end >= 0 ? end : upperThenOptionalLower(text, ascii, start, limit), limit);
        }
        if ((k & N) != 0) {
            return Runs.numbers(text, i, limit, 2);
        }
        if (c != '\r' && c != '\n') {
            // [^\r\n\p{L}\p{N}] as the prefix of a word, then (for a mark) as its first char
            int end = i < limit ? upperThenLower(text, ascii, i, limit) : -1;
            if (end < 0 && (k & MARK) != 0) {
                end = i;
            }
            if (end < 0 && i < limit) {
                end = upperThenOptionalLower(text, ascii, i, limit);
            }
            if (end >= 0) {
                return contraction(text, end, limit);
            }
        }
        if ((k & WS) == 0) {
            return slashesAndNewlines(text, Runs.other(text, i, limit), limit);
        }
        if (c == ' ' && i < limit) {
            int next = CharClasses.at(text, i, limit);
            if ((next & LNW) == 0) {
                return slashesAndNewlines(text, Runs.other(text, i + CharClasses.width(next), limit), limit);
            }
        }
        return Runs.spacesToLastBreak(text, start, limit, false);
    }

    /** The end of {@code U*W+} at {@code i} as the regex finds it, or -1 when it does not match. */
    private static int upperThenLower(char[] text, byte[] ascii, int i, int limit) {
        int lastBoth = -1;
        while (i < limit) {
            int k = CharClasses.at(text, i, limit);
            if ((k & UPPER) == 0) {
                if ((k & LL) != 0) {
                    return lower(text, ascii, i + CharClasses.width(k), limit);
                }
                break;
            }
            i += CharClasses.width(k);
            if ((k & BOTH) != 0) {
                lastBoth = i;
            }
        }
        return lastBoth;
    }

    /** The end of {@code U+W*} at {@code i}, or -1 when it does not match. */
    private static int upperThenOptionalLower(char[] text, byte[] ascii, int i, int limit) {
        int start = i;
        while (i < limit) {
            int k = CharClasses.at(text, i, limit);
            if ((k & UPPER) == 0) {
                break;
            }
            i += CharClasses.width(k);
        }
        return i == start ? -1 : lower(text, ascii, i, limit);
    }

    private static int lower(char[] text, byte[] ascii, int i, int limit) {
        return Runs.lowercase(text, ascii, i, limit);
    }

    private static int contraction(char[] text, int i, int limit) {
        if (i < limit && text[i] == '\'') {
            int end = Contractions.caseInsensitive(text, i, limit);
            if (end > 0) {
                return end;
            }
        }
        return i;
    }

    /** The end of {@code [\r\n/]*} from {@code i}. */
    private static int slashesAndNewlines(char[] text, int i, int limit) {
        while (i < limit) {
            char c = text[i];
            if (c != '\r' && c != '\n' && c != '/') {
                break;
            }
            i++;
        }
        return i;
    }
}
