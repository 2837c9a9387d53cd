package dev.tokensmith.core.text.scan;

import static dev.tokensmith.core.text.scan.CharClasses.L;
import static dev.tokensmith.core.text.scan.CharClasses.LNW;
import static dev.tokensmith.core.text.scan.CharClasses.N;
import static dev.tokensmith.core.text.scan.CharClasses.WS;

/** Runs that several patterns share. */
final class Runs {
    private Runs() {}

    /** The end of the letters {@code \p{L}*} from {@code i}. */
    static int letters(char[] text, int i, int limit) {
        return run(text, i, limit, L);
    }

    /** The end of the run of code points whose class has one of {@code bits}, from {@code i}. */
    static int run(char[] text, int i, int limit, int bits) {
        while (i < limit) {
            int k = CharClasses.ofChar(text[i]);
            if ((k & bits) != 0) {
                i++; // a BMP char: supplementary ones have their own path below
            } else if (k >= 0) {
                break;
            } else {
                k = CharClasses.at(text, i, limit);
                if ((k & bits) == 0) {
                    break;
                }
                i += CharClasses.width(k);
            }
        }
        return i;
    }

    /** The end of at most {@code max} numbers {@code \p{N}} from {@code i}. */
    static int numbers(char[] text, int i, int limit, int max) {
        for (int n = 0; n < max && i < limit; n++) {
            int k = CharClasses.at(text, i, limit);
            if ((k & N) == 0) {
                break;
            }
            i += CharClasses.width(k);
        }
        return i;
    }

    /** The end of {@code [^\s\p{L}\p{N}]*} from {@code i}. */
    static int other(char[] text, int i, int limit) {
        while (i < limit) {
            int k = CharClasses.ofChar(text[i]);
            if (k == 0) {
                i++; // no class at all: most punctuation and symbols
            } else if (k > 0) {
                if ((k & LNW) != 0) {
                    break;
                }
                i++;
            } else {
                k = CharClasses.at(text, i, limit);
                if ((k & LNW) != 0) {
                    break;
                }
                i += CharClasses.width(k);
            }
        }
        return i;
    }

    /** The end of {@code [\r\n]*} from {@code i}. */
    static int newlines(char[] text, int i, int limit) {
        while (i < limit) {
            char c = text[i];
            if (c != '\r' && c != '\n') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The end of the white space from {@code i} (all of it is in the BMP). */
    static int whiteSpace(char[] text, int i, int limit) {
        while (i < limit && (CharClasses.ofChar(text[i]) & WS) != 0) {
            i++;
        }
        return i;
    }

    /**
     * {@code \s+(?!\S)|\s+} at a white-space char: the run, less its last char when a non-space follows (unless
     * that leaves nothing).
     */
    static int spaces(char[] text, int start, int limit) {
        int end = whiteSpace(text, start + 1, limit);
        return end < limit && end - start > 1 ? end - 1 : end;
    }

    /**
     * {@code \s*[\r\n]+|\s+(?!\S)|\s+} at a white-space char: the run up to its last line break if it has one,
     * else as {@link #spaces}. With {@code runToEnd}, a run that reaches the limit is taken whole first ({@code
     * \s++$}).
     */
    static int spacesToLastBreak(char[] text, int start, int limit, boolean runToEnd) {
        int end = start;
        int lastBreak = -1;
        while (end < limit) {
            char c = text[end];
            if ((CharClasses.ofChar(c) & WS) == 0) {
                break;
            }
            if (c == '\r' || c == '\n') {
                lastBreak = end;
            }
            end++;
        }
        if (lastBreak >= 0 && !(runToEnd && end == limit)) {
            return lastBreak + 1;
        }
        return end < limit && end - start > 1 ? end - 1 : end;
    }
}
