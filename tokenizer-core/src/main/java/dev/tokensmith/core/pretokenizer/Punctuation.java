package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.SplitPattern;
import dev.tokensmith.core.text.UnicodeProps;
import java.util.Objects;

/** Splits on every punctuation character (ASCII symbols included), treating it as {@code behavior} says. */
public record Punctuation(SplitBehavior behavior) implements PreTokenizer {
    private static final SplitPattern PUNCTUATION = Patterns.codePoints(Punctuation::isPunctuation);

    public Punctuation {
        Objects.requireNonNull(behavior, "behavior");
    }

    /** HF's default: punctuation isolated. */
    public Punctuation() {
        this(SplitBehavior.ISOLATED);
    }

    @Override
    public void preTokenize(PreTokenizedString text) {
        text.split((index, piece) -> piece.split(PUNCTUATION, behavior));
    }

    /**
     * Ranges (first, last) of characters that are punctuation (P*) in Java's Unicode 16 but not in the
     * {@code unicode_categories} crate HF uses (Unicode 8.0 data): punctuation encoded since. Observed against
     * HF tokenizers itself, every code point.
     */
    private static final int[] LATER = {
        0x061D, 0x061D, 0x09FD, 0x09FD, 0x0A76, 0x0A76, 0x0C77, 0x0C77,
        0x0C84, 0x0C84, 0x1B4E, 0x1B4F, 0x1B7D, 0x1B7F, 0x2E43, 0x2E4F,
        0x2E52, 0x2E5D, 0x10D6E, 0x10D6E, 0x10EAD, 0x10EAD, 0x10F55, 0x10F59,
        0x10F86, 0x10F89, 0x113D4, 0x113D5, 0x113D7, 0x113D8, 0x1144B, 0x1144F,
        0x1145A, 0x1145B, 0x1145D, 0x1145D, 0x11660, 0x1166C, 0x116B9, 0x116B9,
        0x1183B, 0x1183B, 0x11944, 0x11946, 0x119E2, 0x119E2, 0x11A3F, 0x11A46,
        0x11A9A, 0x11A9C, 0x11A9E, 0x11AA2, 0x11B00, 0x11B09, 0x11BE1, 0x11BE1,
        0x11C41, 0x11C45, 0x11C70, 0x11C71, 0x11EF7, 0x11EF8, 0x11F43, 0x11F4F,
        0x11FFF, 0x11FFF, 0x12FF1, 0x12FF2, 0x16D6D, 0x16D6F, 0x16E97, 0x16E9A,
        0x16FE2, 0x16FE2, 0x1E5FF, 0x1E5FF, 0x1E95E, 0x1E95F
    };

    /**
     * HF's {@code is_punc}: ASCII punctuation (symbols such as {@code $+<=>^`|~} included) or Unicode P*, the
     * latter as of Unicode 8.0: later punctuation is not, and two characters that have left P* since still are.
     */
    static boolean isPunctuation(int c) {
        if (c < 0x80) {
            return (c >= 0x21 && c <= 0x2F)
                    || (c >= 0x3A && c <= 0x40)
                    || (c >= 0x5B && c <= 0x60)
                    || (c >= 0x7B && c <= 0x7E);
        }
        if (c == 0x166D || c == 0x111C9) {
            return true; // CANADIAN SYLLABICS CHI SIGN and SHARADA SANDHI MARK were Po in Unicode 8.0
        }
        return UnicodeProps.isPunctuation(c) && !CodePointRanges.contains(LATER, c);
    }
}
