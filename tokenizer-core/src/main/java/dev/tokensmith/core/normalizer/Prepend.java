package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;
import java.util.Objects;

/** Puts {@code prepend} before non-empty text (SentencePiece's "▁" in Llama-style tokenizers). */
public record Prepend(String prepend) implements Normalizer {
    public Prepend {
        Objects.requireNonNull(prepend, "prepend");
    }

    @Override
    public void normalize(NormalizedString text) {
        if (!text.isEmpty()) {
            text.prepend(prepend);
        }
    }
}
