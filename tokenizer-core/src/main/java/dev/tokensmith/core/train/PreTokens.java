package dev.tokensmith.core.train;

import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.text.PreTokenizedString;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-tokens a trainer counts, as HF's {@code Tokenizer::train} makes them: the sequence is normalized
 * and pre-tokenized (added tokens are not extracted), and each split's normalized text is one pre-token.
 * This is the general pipeline, the reference for faster counters.
 */
public final class PreTokens {
    private final Normalizer normalizer;
    private final PreTokenizer preTokenizer;

    private PreTokens(Normalizer normalizer, PreTokenizer preTokenizer) {
        this.normalizer = normalizer;
        this.preTokenizer = preTokenizer;
    }

    /** Either stage may be null (none). */
    public static PreTokens of(Normalizer normalizer, PreTokenizer preTokenizer) {
        return new PreTokens(normalizer, preTokenizer);
    }

    public static PreTokens of(TrainingTemplate template) {
        return new PreTokens(template.normalizer().orElse(null), template.preTokenizer());
    }

    /** The splits of {@code text}, normalized and pre-tokenized; a split that normalized to nothing is dropped. */
    public List<PreTokenizedString.Split> splits(String text) {
        PreTokenizedString pts = PreTokenizedString.of(text);
        pts.splitToSplits((index, piece) -> {
            if (normalizer != null) {
                normalizer.normalize(piece);
            }
            return List.of(new PreTokenizedString.Split(piece, null));
        });
        if (preTokenizer != null) {
            preTokenizer.preTokenize(pts);
        }
        return pts.splits();
    }

    /** The pre-tokens of {@code text} as strings. */
    public List<String> split(String text) {
        List<PreTokenizedString.Split> splits = splits(text);
        List<String> out = new ArrayList<>(splits.size());
        for (PreTokenizedString.Split s : splits) {
            String piece = s.normalized().get();
            if (!piece.isEmpty()) {
                out.add(piece);
            }
        }
        return out;
    }

    /** Counts every pre-token of every document, one thread. */
    public PreTokenCounts count(Iterable<String> documents) {
        PreTokenCounts.Builder b = PreTokenCounts.builder();
        for (String doc : documents) {
            for (String piece : split(doc)) {
                b.add(piece, 1);
            }
        }
        return b.build();
    }
}
