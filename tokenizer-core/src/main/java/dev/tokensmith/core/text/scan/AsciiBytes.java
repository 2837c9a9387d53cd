package dev.tokensmith.core.text.scan;

/**
 * A char array's ASCII view, which scanners read eight characters at a time: each ASCII char as itself, every
 * other char as {@code 0xFF} (a byte with the high bit set, which no ASCII char has).
 */
public final class AsciiBytes {
    /** Bytes the view holds past the chars it was made of, so that a word can be read at any of them. */
    public static final int PADDING = 16;

    private AsciiBytes() {}

    /** The view of {@code text[0, n)} in {@code into}, or in a larger array when it is too small for it. */
    public static byte[] of(char[] text, int n, byte[] into) {
        byte[] b = into != null && into.length >= n + PADDING ? into : new byte[n + PADDING];
        for (int i = 0; i < n; i++) {
            int c = text[i];
            b[i] = (byte) (c | ((0x7F - c) >> 31)); // all ones past ASCII, without a branch
        }
        return b;
    }

    /** The view of {@code text}, for callers that scan a text once. */
    public static byte[] of(char[] text) {
        return of(text, text.length, null);
    }
}
