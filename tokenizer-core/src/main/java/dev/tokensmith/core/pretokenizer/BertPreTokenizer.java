package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.SplitPattern;
import dev.tokensmith.core.text.UnicodeProps;

/** BERT's pre-tokenizer: drops whitespace, then isolates every punctuation character (ASCII symbols included). */
public record BertPreTokenizer() implements PreTokenizer {
    private static final SplitPattern WHITESPACE = Patterns.codePoints(UnicodeProps::isWhiteSpace);
    private static final SplitPattern PUNCTUATION = Patterns.codePoints(Punctuation::isPunctuation);

    @Override
    public void preTokenize(PreTokenizedString text) {
        text.split((index, piece) -> piece.split(WHITESPACE, SplitBehavior.REMOVED));
        text.split((index, piece) -> piece.split(PUNCTUATION, SplitBehavior.ISOLATED));
    }
}
