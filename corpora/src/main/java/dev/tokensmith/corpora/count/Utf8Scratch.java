package dev.tokensmith.corpora.count;

import java.util.Arrays;

/** A growable byte buffer that UTF-8-encodes chars into itself, and the lone-surrogate repair both paths share. */
final class Utf8Scratch {
    byte[] bytes = new byte[256];

    /**
     * Encodes {@code s[from, to)} at the start of {@link #bytes}; returns the byte length. The text holds no lone
     * surrogates ({@link #withoutLoneSurrogates} ran first).
     */
    int encode(CharSequence s, int from, int to) {
        int max = 3 * (to - from);
        if (max > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(max, bytes.length * 2));
        }
        byte[] out = bytes;
        int k = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[k++] = (byte) c;
            } else if (c < 0x800) {
                out[k++] = (byte) (0xC0 | (c >> 6));
                out[k++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[k++] = (byte) (0xF0 | (cp >> 18));
                out[k++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[k++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[k++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[k++] = (byte) (0xE0 | (c >> 12));
                out[k++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[k++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return k;
    }

    /**
     * {@code s} with each lone surrogate replaced by U+FFFD, as a UTF-8 decoder would have left the text (HF
     * works on Rust strings, which cannot hold one); {@code s} itself when it has none, the usual case.
     */
    static String withoutLoneSurrogates(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i += 2;
                    continue;
                }
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
