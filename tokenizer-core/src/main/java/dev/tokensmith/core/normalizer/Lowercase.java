package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;

/**
 * Lowercases every code point on its own, as Rust's {@code char::to_lowercase}: the full mapping (U+0130 becomes
 * "i̇", two code points) but no context, so a final capital sigma becomes σ, never ς.
 */
public record Lowercase() implements Normalizer {
    private static final int[] DOTTED_CAPITAL_I = {'i', 0x0307};

    @Override
    public void normalize(NormalizedString text) {
        text.flatMap(Lowercase::lower);
    }

    static int[] lower(int c) {
        if (c == 0x0130) {
            // The only unconditional one-to-many lowercase mapping in SpecialCasing.txt.
            return DOTTED_CAPITAL_I;
        }
        return new int[] {Character.toLowerCase(c)};
    }
}
