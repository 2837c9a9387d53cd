package dev.tokensmith.corpora.count;

import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.train.PreTokenCounts;
import java.util.ArrayList;
import java.util.List;

/**
 * The specification the counter is held to, written as plainly as possible: for each document, normalize,
 * pre-tokenize, and add one to each split's normalized string; one thread, a builder, no tricks.
 */
final class NaiveCount {
    private NaiveCount() {}

    static PreTokenCounts count(Normalizer normalizer, PreTokenizer preTokenizer, List<String> documents) {
        PreTokenCounts.Builder b = PreTokenCounts.builder();
        for (String doc : documents) {
            NormalizedString n = NormalizedString.of(doc);
            if (normalizer != null) {
                normalizer.normalize(n);
            }
            List<PreTokenizedString.Split> splits = new ArrayList<>();
            if (!n.isEmpty()) {
                splits.add(new PreTokenizedString.Split(n, null));
            }
            PreTokenizedString pts = new PreTokenizedString(doc, splits);
            if (preTokenizer != null) {
                preTokenizer.preTokenize(pts);
            }
            for (PreTokenizedString.Split s : pts.splits()) {
                b.add(s.normalized().get(), 1);
            }
        }
        return b.build();
    }
}
