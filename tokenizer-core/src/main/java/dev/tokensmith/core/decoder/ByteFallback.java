package dev.tokensmith.core.decoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns runs of byte tokens {@code <0xAB>} back into text: a run that is valid UTF-8 becomes one string; an
 * invalid run becomes one U+FFFD per byte (HF's rule, not per invalid sequence). Other tokens pass through.
 */
public record ByteFallback() implements Decoder {

    @Override
    public List<String> decodeChain(List<String> tokens) {
        return decode(tokens, false);
    }

    /** Invalid runs give one escape (or the ASCII character) per byte instead of U+FFFD. */
    @Override
    public List<String> decodeChainRaw(List<String> tokens) {
        return decode(tokens, true);
    }

    private static List<String> decode(List<String> tokens, boolean raw) {
        List<String> out = new ArrayList<>(tokens.size());
        byte[] run = new byte[16];
        int n = 0;
        for (String token : tokens) {
            int b = byteOf(token);
            if (b >= 0) {
                if (n == run.length) {
                    run = java.util.Arrays.copyOf(run, n * 2);
                }
                run[n++] = (byte) b;
            } else {
                flush(run, n, raw, out);
                n = 0;
                out.add(token);
            }
        }
        flush(run, n, raw, out);
        return out;
    }

    private static void flush(byte[] run, int n, boolean raw, List<String> out) {
        if (n == 0) {
            return;
        }
        if (RawBytes.isValid(run, 0, n)) {
            out.add(RawBytes.lossy(java.util.Arrays.copyOf(run, n)));
            return;
        }
        for (int i = 0; i < n; i++) {
            int b = run[i] & 0xFF;
            out.add(!raw ? "\uFFFD" : b < 0x80 ? String.valueOf((char) b) : String.valueOf(RawBytes.escape(b)));
        }
    }

    /**
     * The byte of a {@code <0xAB>} token, or -1. HF requires 6 UTF-8 bytes and parses the middle two with
     * Rust's {@code u8::from_str_radix(_, 16)}, which also takes a {@code +} sign ({@code <0x+A>}) but only
     * ASCII digits.
     */
    static int byteOf(String token) {
        if (token.length() != 6 || !token.startsWith("<0x") || token.charAt(5) != '>') {
            return -1;
        }
        char c1 = token.charAt(3);
        char c2 = token.charAt(4);
        int d2 = hex(c2);
        if (d2 < 0) {
            return -1;
        }
        if (c1 == '+') {
            return d2;
        }
        int d1 = hex(c1);
        return d1 < 0 ? -1 : d1 * 16 + d2;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
