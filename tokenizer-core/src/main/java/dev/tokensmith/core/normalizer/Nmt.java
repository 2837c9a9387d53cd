package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;

/**
 * SentencePiece's "nmt" cleanup, as HF's {@code Nmt}: drops ASCII control characters and maps the other
 * white-space-like code points (tab, new lines, zero-width spaces, BOM, U+2581, U+FFFD...) to a space.
 */
public record Nmt() implements Normalizer {
    @Override
    public void normalize(NormalizedString text) {
        text.filter(c -> !isDropped(c));
        text.map(Nmt::toSpace);
    }

    private static boolean isDropped(int c) {
        return (c >= 0x0001 && c <= 0x0008)
                || c == 0x000B
                || (c >= 0x000E && c <= 0x001F)
                || c == 0x007F
                || c == 0x008F
                || c == 0x009F;
    }

    private static int toSpace(int c) {
        return switch (c) {
            case 0x0009, 0x000A, 0x000C, 0x000D, 0x1680, 0x2028, 0x2029, 0x2581, 0xFEFF, 0xFFFD -> ' ';
            default -> (c >= 0x200B && c <= 0x200F) ? ' ' : c;
        };
    }
}
