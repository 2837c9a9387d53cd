package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.SplitPattern;
import dev.tokensmith.core.text.UnicodeProps;

/**
 * Separates numeric characters (Rust's {@code char::is_numeric}: Nd, Nl, No) from the rest: each one alone
 * with {@code individualDigits}, else runs of them.
 */
public record Digits(boolean individualDigits) implements PreTokenizer {
    private static final SplitPattern NUMERIC = Patterns.codePoints(UnicodeProps::isNumeric);

    @Override
    public void preTokenize(PreTokenizedString text) {
        SplitBehavior behavior = individualDigits ? SplitBehavior.ISOLATED : SplitBehavior.CONTIGUOUS;
        text.split((index, piece) -> piece.split(NUMERIC, behavior));
    }
}
