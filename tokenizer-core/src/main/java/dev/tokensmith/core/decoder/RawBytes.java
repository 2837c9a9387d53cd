package dev.tokensmith.core.decoder;

import java.util.Arrays;

/**
 * Bytes that may not be valid UTF-8, and the two ways this project turns them into strings: {@link #lossy}
 * (Rust's {@code String::from_utf8_lossy}, what HF returns) and {@link #escaped} (every byte of an invalid
 * sequence kept as a lone surrogate U+DC80..U+DCFF, "surrogate escape"), which {@link #toBytes} reverses.
 */
public final class RawBytes {
    /** U+FFFD, what lossy decoding puts for each maximal invalid sequence. */
    public static final char REPLACEMENT = '\uFFFD';

    private static final int ESCAPE_BASE = 0xDC00;
    private static final byte[] REPLACEMENT_UTF8 = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private RawBytes() {}

    /** The escape character standing for byte {@code b} (0x80..0xFF). */
    public static char escape(int b) {
        return (char) (ESCAPE_BASE + (b & 0xFF));
    }

    /** Whether {@code c} is an escape: a low surrogate U+DC80..U+DCFF. */
    public static boolean isEscape(char c) {
        return c >= 0xDC80 && c <= 0xDCFF;
    }

    /**
     * The bytes of a string that may hold escapes: characters as UTF-8, each unpaired escape (U+DC80..U+DCFF
     * not preceded by a high surrogate) as the byte it stands for. Any other unpaired surrogate, which no
     * decoder produces, becomes U+FFFD's bytes.
     */
    public static byte[] toBytes(String s) {
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[n++] = (byte) (0xF0 | (cp >> 18));
                out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (isEscape(c)) {
                out[n++] = (byte) (c - ESCAPE_BASE);
            } else if (Character.isSurrogate(c)) {
                System.arraycopy(REPLACEMENT_UTF8, 0, out, n, 3);
                n += 3;
            } else {
                out[n++] = (byte) (0xE0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Rust's {@code String::from_utf8_lossy}: each maximal invalid sequence becomes one U+FFFD. */
    public static String lossy(byte[] bytes) {
        return decode(bytes, 0, bytes.length, false);
    }

    /** Decodes valid UTF-8 as usual and every byte of an invalid sequence as its escape character. */
    public static String escaped(byte[] bytes) {
        return decode(bytes, 0, bytes.length, true);
    }

    /** Whether {@code bytes[from, to)} is entirely valid UTF-8 (Rust's {@code String::from_utf8} succeeds). */
    public static boolean isValid(byte[] bytes, int from, int to) {
        for (int i = from; i < to; ) {
            int len = scan(bytes, i, to);
            if (len < 0) {
                return false;
            }
            i += len;
        }
        return true;
    }

    /**
     * How many bytes at the end of {@code bytes[0, length)} are the start of a UTF-8 sequence that more bytes
     * could complete (Rust: {@code Utf8Error::error_len() == None}); 0 when the bytes do not end that way.
     */
    public static int incompleteTail(byte[] bytes, int length) {
        // A cut-off sequence has at most 3 bytes: its lead byte is the last non-continuation byte among them.
        for (int start = length - 1; start >= Math.max(0, length - 3); start--) {
            int b = bytes[start] & 0xFF;
            if (b >= 0x80 && b < 0xC0) {
                continue;
            }
            int r = scan(bytes, start, length);
            return r <= TRUNCATED ? length - start : 0;
        }
        return 0;
    }

    private static String decode(byte[] bytes, int from, int to, boolean escape) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                sb.append((char) b);
                i++;
                continue;
            }
            int r = scan(bytes, i, to);
            if (r > 0) {
                appendValid(sb, bytes, i, r);
                i += r;
            } else {
                int len = r <= TRUNCATED ? TRUNCATED - r : -r;
                if (escape) {
                    for (int k = 0; k < len; k++) {
                        int x = bytes[i + k] & 0xFF;
                        sb.append(x < 0x80 ? (char) x : escape(x));
                    }
                } else {
                    sb.append(REPLACEMENT);
                }
                i += len;
            }
        }
        return sb.toString();
    }

    private static void appendValid(StringBuilder sb, byte[] b, int i, int len) {
        int b0 = b[i] & 0xFF;
        switch (len) {
            case 1 -> sb.append((char) b0);
            case 2 -> sb.append((char) (((b0 & 0x1F) << 6) | (b[i + 1] & 0x3F)));
            case 3 -> sb.append((char) (((b0 & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F)));
            default ->
                sb.appendCodePoint(
                        ((b0 & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F));
        }
    }

    /** Marks a {@link #scan} result for a sequence cut off by the end of the input. */
    private static final int TRUNCATED = -8;

    /**
     * The UTF-8 sequence at {@code i}, as Rust's {@code Utf8Chunks} reads it: its length when valid;
     * {@code -len} for an invalid sequence of {@code len} bytes (the maximal prefix of a valid sequence, at
     * least 1); {@code TRUNCATED - len} when that invalid prefix was cut short by {@code end}.
     */
    private static int scan(byte[] b, int i, int end) {
        int first = b[i] & 0xFF;
        if (first < 0x80) {
            return 1;
        }
        int width;
        int lo = 0x80;
        int hi = 0xBF;
        if (first >= 0xC2 && first <= 0xDF) {
            width = 2;
        } else if (first >= 0xE0 && first <= 0xEF) {
            width = 3;
            if (first == 0xE0) {
                lo = 0xA0; // no overlong
            } else if (first == 0xED) {
                hi = 0x9F; // no surrogates
            }
        } else if (first >= 0xF0 && first <= 0xF4) {
            width = 4;
            if (first == 0xF0) {
                lo = 0x90; // no overlong
            } else if (first == 0xF4) {
                hi = 0x8F; // nothing above U+10FFFF
            }
        } else {
            return -1;
        }
        for (int k = 1; k < width; k++) {
            if (i + k >= end) {
                return TRUNCATED - k;
            }
            int c = b[i + k] & 0xFF;
            int min = k == 1 ? lo : 0x80;
            int max = k == 1 ? hi : 0xBF;
            if (c < min || c > max) {
                return -k;
            }
        }
        return width;
    }
}
