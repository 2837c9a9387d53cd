package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.ByteLevelAlphabet;
import dev.tokensmith.core.text.NormalizedString;
import java.nio.charset.StandardCharsets;

/**
 * Replaces every code point by the GPT-2 alphabet characters of its UTF-8 bytes; all of them align with the
 * code point they come from.
 */
public record ByteLevel() implements Normalizer {
    @Override
    public void normalize(NormalizedString text) {
        if (text.isEmpty()) {
            return;
        }
        text.flatMap(ByteLevel::bytesOf);
    }

    private static int[] bytesOf(int c) {
        if (c < 0x80) {
            return new int[] {ByteLevelAlphabet.charOf(c)};
        }
        byte[] utf8 = Character.toString(c).getBytes(StandardCharsets.UTF_8);
        int[] out = new int[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            out[i] = ByteLevelAlphabet.charOf(utf8[i]);
        }
        return out;
    }
}
