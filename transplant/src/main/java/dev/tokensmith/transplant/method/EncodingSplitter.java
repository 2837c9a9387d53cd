package dev.tokensmith.transplant.method;

import dev.tokensmith.core.Tokenizer;
import java.util.Arrays;
import java.util.function.IntPredicate;

/** Splits by encoding the text with the old tokenizer (no special tokens), keeping the allowed ids. */
final class EncodingSplitter implements OldTokenSplitter {
    private final Tokenizer tokenizer;
    private final IntPredicate allowed;

    EncodingSplitter(Tokenizer tokenizer, IntPredicate allowed) {
        this.tokenizer = tokenizer.withoutTruncationOrPadding();
        this.allowed = allowed;
    }

    @Override
    public int[] split(String text) {
        return Arrays.stream(tokenizer.encodeIds(text, false)).filter(allowed).toArray();
    }

    @Override
    public String text(int oldId) {
        return tokenizer.decode(new int[] {oldId}, false);
    }
}
