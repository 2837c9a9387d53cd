package dev.tokensmith.core.text.scan;

import static dev.tokensmith.core.text.scan.CharClasses.L;
import static dev.tokensmith.core.text.scan.CharClasses.LNW;
import static dev.tokensmith.core.text.scan.CharClasses.LOWER;
import static dev.tokensmith.core.text.scan.CharClasses.N;
import static dev.tokensmith.core.text.scan.CharClasses.WS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Runs that several patterns share. */
final class Runs {
    private Runs() {}

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;

    /**
     * The end of the letters {@code \p{L}*} from {@code i}, eight ASCII chars at a time from the {@link AsciiBytes} view {@code
     * ascii} (or char by char where it is null): a word ends without the mispredicted branch that ends a loop
     * over its chars. At a char past ASCII the class table decides, as before.
     */
    static int letters(char[] text, byte[] ascii, int i, int limit) {
        return ascii == null ? run(text, i, limit, L) : asciiRun(text, ascii, i, limit, 0x2020202020202020L, L);
    }

    /**
     * The end of o200k's lower-case letters {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]*} from {@code i}, as {@link
     * #letters(char[], byte[], int, int)} reads letters: of the ASCII chars only a to z are in the class.
     */
    static int lowercase(char[] text, byte[] ascii, int i, int limit) {
        return ascii == null ? run(text, i, limit, LOWER) : asciiRun(text, ascii, i, limit, 0, LOWER);
    }

    /**
     * A run of the class {@code bits}, whose ASCII members are a to z, and A to Z as well when {@code fold} is
     * {@code 0x20} in every byte: eight bytes of the ASCII view at a time, then the class table from the first
     * char past ASCII.
     */
    private static int asciiRun(char[] text, byte[] ascii, int i, int limit, long fold, int bits) {
        while (true) {
            long m = asciiLower((long) LONGS.get(ascii, i) | fold); // fold: A-Z onto a-z, no other byte into a-z
            int left = limit - i;
            if (left < 8) {
                m &= (1L << (left << 3)) - 1; // what lies at and past the limit is not in the run
            }
            if (m != HIGH) {
                i += Long.numberOfTrailingZeros(~m & HIGH) >>> 3;
                return i == limit || ascii[i] >= 0 ? i : run(text, i, limit, bits);
            }
            i += 8;
        }
    }

    /** The high bit of each byte of {@code w} that is one of a to z; clear for all others. */
    private static long asciiLower(long w) {
        long low7 = w & 0x7F7F7F7F7F7F7F7FL;
        long atLeastA = low7 + 0x1F1F1F1F1F1F1F1FL; // high bit where the byte is 'a' (0x61) or more
        long pastZ = low7 + 0x0505050505050505L; // high bit where the byte is past 'z' (0x7A)
        return atLeastA & ~pastZ & ~w & HIGH; // ~w: not a byte past ASCII
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
