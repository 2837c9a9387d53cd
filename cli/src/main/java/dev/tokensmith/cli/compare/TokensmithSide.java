package dev.tokensmith.cli.compare;

import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.Tokenizer;

/** Tokensmith's {@link Tokenizer} as one side of a comparison: offsets converted to code points, like HF's. */
public final class TokensmithSide implements ComparedTokenizer {
    private final Tokenizer tokenizer;

    public TokensmithSide(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public String name() {
        return "tokensmith";
    }

    @Override
    public Tokenization encode(String text, boolean addSpecialTokens) {
        Encoding e = tokenizer.encode(text, addSpecialTokens);
        int[] offsets = e.codePointOffsets(text);
        for (int i = 0; i < e.size(); i++) {
            // HF has no offsets for tokens that belong to no input sequence (added by the post-processor).
            if (e.sequenceIdAt(i) < 0) {
                offsets[2 * i] = -1;
                offsets[2 * i + 1] = -1;
            }
        }
        return new Tokenization(e.ids(), e.tokens(), offsets);
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        return tokenizer.decode(ids, skipSpecialTokens);
    }
}
