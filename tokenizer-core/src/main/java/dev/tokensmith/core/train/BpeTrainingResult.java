package dev.tokensmith.core.train;

import dev.tokensmith.core.model.Bpe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link BpeTrainer} learned: the vocabulary in id order (special tokens first, then the alphabet
 * by code point, then merged tokens in the order they were made) and the merges in rank order.
 *
 * @param vocab the tokens, index = id
 * @param merges the merge rules, index = rank
 * @param specialTokens the special tokens, which hold ids {@code 0 .. specialTokens.size() - 1}
 * @param alphabetSize how many single characters the vocabulary holds (prefixed/suffixed variants included)
 * @param pairsMergedAgain how many times HF's queue merged a pair again after its first merge (the file
 *     keeps only the last rank, as HF's model does)
 */
public record BpeTrainingResult(
        List<String> vocab,
        List<Bpe.Merge> merges,
        List<String> specialTokens,
        int alphabetSize,
        int pairsMergedAgain,
        String continuingSubwordPrefix,
        String endOfWordSuffix) {

    public BpeTrainingResult {
        vocab = List.copyOf(vocab);
        merges = List.copyOf(merges);
        specialTokens = List.copyOf(specialTokens);
    }

    /** token → id, in id order. */
    public Map<String, Integer> vocabMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            map.put(vocab.get(i), i);
        }
        return map;
    }

    /** A BPE model over the learned vocabulary and merges, other options at HF's defaults. */
    public Bpe.Builder modelBuilder() {
        return Bpe.builder(vocabMap(), merges)
                .continuingSubwordPrefix(continuingSubwordPrefix)
                .endOfWordSuffix(endOfWordSuffix);
    }

    public Bpe model() {
        return modelBuilder().build();
    }
}
