package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merging stays O(n log n) on long pieces: counted in heap pushes rather than timed. */
class BpeLongPieceTest {

    /** "a", "aa", "aaaa", ... up to 2^levels a's, each merging two of the previous. */
    private static Bpe doublingModel(int levels) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        List<Bpe.Merge> merges = new ArrayList<>();
        String t = "a";
        vocab.put(t, 0);
        for (int i = 1; i <= levels; i++) {
            merges.add(new Bpe.Merge(t, t));
            t = t + t;
            vocab.put(t, i);
        }
        return Bpe.builder(vocab, merges).build();
    }

    @Test
    void aMegabyteOfOneCharacterMergesWithALinearNumberOfHeapPushes() {
        int n = 1 << 20;
        String piece = "a".repeat(n);
        Bpe bpe = doublingModel(10);

        BpeWord word = bpe.merge(piece);

        // n - 1 initial candidates, at most two new ones per merge, at most n - 1 merges.
        assertThat(word.heapPushes).isLessThanOrEqualTo(3L * n);
        List<Token> tokens = bpe.tokenize(piece);
        assertThat(tokens)
                .hasSize(n >> 10)
                .allSatisfy(tok -> assertThat(tok.id()).isEqualTo(10));
        assertThat(tokens.get(tokens.size() - 1)).isEqualTo(new Token(10, "a".repeat(1024), n - 1024, n));
    }

    @Test
    void aLongPieceWithoutAnyMergeStillProducesOneTokenPerCharacter() {
        int n = 1 << 20;
        Bpe bpe = doublingModel(0);
        BpeWord word = bpe.merge("a".repeat(n));
        assertThat(word.heapPushes).isZero();
        assertThat(word.size).isEqualTo(n);
    }
}
