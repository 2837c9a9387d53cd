package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.SplitPattern;
import dev.tokensmith.core.text.UnicodeProps;

/** Splits on Unicode whitespace, which it drops. */
public record WhitespaceSplit() implements PreTokenizer {
    private static final SplitPattern WHITESPACE = Patterns.codePoints(UnicodeProps::isWhiteSpace);

    @Override
    public void preTokenize(PreTokenizedString text) {
        text.split((index, piece) -> piece.split(WHITESPACE, SplitBehavior.REMOVED));
    }
}
