package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.SplitPattern;

/** Splits on one delimiter character (a code point), which it drops. */
public record CharDelimiterSplit(int delimiter) implements PreTokenizer {
    public CharDelimiterSplit {
        if (!Character.isValidCodePoint(delimiter) || Character.isSurrogate((char) delimiter) && delimiter < 0x10000) {
            throw new IllegalArgumentException("delimiter must be a Unicode scalar value: " + delimiter);
        }
    }

    @Override
    public void preTokenize(PreTokenizedString text) {
        SplitPattern pattern = Patterns.codePoints(c -> c == delimiter);
        text.split((index, piece) -> piece.split(pattern, SplitBehavior.REMOVED));
    }
}
