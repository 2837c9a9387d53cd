package dev.tokensmith.core.text;

/**
 * UTF-8 lengths and bytes as HF's models see their input (Rust strings are UTF-8; byte fallback works on
 * bytes). A lone surrogate, which a Rust string cannot hold, counts as its 3-byte encoding.
 */
public final class Utf8 {
    private static final String[] BYTE_TOKENS = new String[256];

    static {
        for (int b = 0; b < 256; b++) {
            BYTE_TOKENS[b] = String.format("<0x%02X>", b);
        }
    }

    private Utf8() {}

    public static int length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }

    public static int length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            n += length(cp);
            i += Character.charCount(cp);
        }
        return n;
    }

    /** The bytes of {@code s}, lone surrogates included. */
    public static byte[] bytes(String s) {
        byte[] out = new byte[length(s)];
        int k = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out[k++] = (byte) cp;
            } else if (cp < 0x800) {
                out[k++] = (byte) (0xC0 | (cp >> 6));
                out[k++] = (byte) (0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out[k++] = (byte) (0xE0 | (cp >> 12));
                out[k++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[k++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[k++] = (byte) (0xF0 | (cp >> 18));
                out[k++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[k++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[k++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
        return out;
    }

    /**
     * {@code s} without its first {@code count} bytes, or null when that cut falls inside a character (the
     * rest is then not a string at all).
     */
    public static String dropBytes(String s, int count) {
        int bytes = 0;
        int i = 0;
        while (bytes < count && i < s.length()) {
            int cp = s.codePointAt(i);
            bytes += length(cp);
            i += Character.charCount(cp);
        }
        return bytes == count ? s.substring(i) : null;
    }

    /** The byte-fallback token of byte {@code b}: {@code <0x41>}. */
    public static String byteToken(int b) {
        return BYTE_TOKENS[b & 0xFF];
    }
}
