package dev.tokensmith.core.fast;

import dev.tokensmith.core.model.Model;
import dev.tokensmith.core.model.WordPiece;
import dev.tokensmith.core.normalizer.BertNormalizer;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.BertPreTokenizer;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import java.util.Optional;

/** Finds the fast path for a pipeline, if there is one. */
public final class SegmentEncoders {
    private SegmentEncoders() {}

    /**
     * A fast encoder equivalent to {@code normalizer} (may be null), {@code preTokenizer} (may be null) and {@code
     * model}, or empty when the pipeline has none and must run the general way.
     */
    public static Optional<SegmentEncoder> forPipeline(Normalizer normalizer, PreTokenizer preTokenizer, Model model) {
        if ((normalizer == null || normalizer instanceof BertNormalizer)
                && preTokenizer instanceof BertPreTokenizer bert
                && model instanceof WordPiece wordPiece) {
            return Optional.of(new BertSegmentEncoder((BertNormalizer) normalizer, bert, wordPiece));
        }
        return Optional.empty();
    }
}
