package dev.tokensmith.transplant.align;

import dev.tokensmith.core.text.UnicodeProps;

/**
 * Characters that a word-split pre-tokenizer isolates wherever they stand, so that a word-initial token starting
 * with one says nothing about a space before it: punctuation (HF's BERT definition: ASCII symbols and Unicode
 * P*) and the characters of scripts written without spaces. Running text most often glues these to what
 * precedes ({@code "word,"}, {@code "日本語"}), so their canonical form has no space.
 */
final class GluedStarts {
    private GluedStarts() {}

    static boolean isGlued(int c) {
        if (c < 0x80) {
            return (c >= 0x21 && c <= 0x2F)
                    || (c >= 0x3A && c <= 0x40)
                    || (c >= 0x5B && c <= 0x60)
                    || (c >= 0x7B && c <= 0x7E);
        }
        if (UnicodeProps.isPunctuation(c)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
            default -> false;
        };
    }
}
