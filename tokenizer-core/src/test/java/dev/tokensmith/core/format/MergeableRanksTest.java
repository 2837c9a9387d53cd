package dev.tokensmith.core.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MergeableRanksTest {

    /** Ranks for the given tokens, each token's rank being its position in the list. */
    static MergeableRanks ranksOf(String... tokens) {
        MergeableRanks.Builder b = MergeableRanks.builder(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            b.add(tokens[i].getBytes(UTF_8), i);
        }
        return b.build();
    }

    @Test
    void looksUpASliceOfALongerArray() {
        MergeableRanks ranks = ranksOf("a", "b", "ab", "abc");
        byte[] text = "xxabcxx".getBytes(UTF_8);

        assertThat(ranks.rank(text, 2, 5)).isEqualTo(3);
        assertThat(ranks.rank(text, 2, 4)).isEqualTo(2);
        assertThat(ranks.rank(text, 3, 4)).isEqualTo(1);
    }

    @Test
    void answersMinusOneForBytesThatAreNoToken() {
        MergeableRanks ranks = ranksOf("a", "b", "ab");

        assertThat(ranks.rank("ba".getBytes(UTF_8))).isEqualTo(-1);
        assertThat(ranks.rank("abab".getBytes(UTF_8))).isEqualTo(-1);
        assertThat(ranks.rank(new byte[0])).isEqualTo(-1);
    }

    @Test
    void mapsRanksBackToTokenBytesAndKnowsTheGaps() {
        MergeableRanks ranks = MergeableRanks.builder(2)
                .add("a".getBytes(UTF_8), 0)
                .add("b".getBytes(UTF_8), 5)
                .build();

        assertThat(ranks.bytes(5)).isEqualTo("b".getBytes(UTF_8));
        assertThat(ranks.bytes(3)).isNull();
        assertThat(ranks.containsRank(0)).isTrue();
        assertThat(ranks.containsRank(1)).isFalse();
        assertThat(ranks.maxRank()).isEqualTo(5);
        assertThat(ranks.size()).isEqualTo(2);
    }

    @Test
    void keepsTokensInRankOrderWhateverTheOrderTheyWereAddedIn() {
        MergeableRanks shuffled = MergeableRanks.builder(3)
                .add("c".getBytes(UTF_8), 2)
                .add("a".getBytes(UTF_8), 0)
                .add("b".getBytes(UTF_8), 1)
                .build();

        assertThat(shuffled.rankAt(0)).isZero();
        assertThat(shuffled.bytesAt(2)).isEqualTo("c".getBytes(UTF_8));
        assertThat(shuffled).isEqualTo(ranksOf("a", "b", "c"));
        assertThat(shuffled.rank("b".getBytes(UTF_8))).isEqualTo(1);
    }

    @Test
    void rejectsATokenAddedTwice() {
        MergeableRanks.Builder b = MergeableRanks.builder(2).add("ab".getBytes(UTF_8), 0);

        assertThatThrownBy(() -> b.add("ab".getBytes(UTF_8), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate token (already has rank 0), given rank 1");
    }

    @Test
    void rejectsARankGivenTwice() {
        MergeableRanks.Builder b = MergeableRanks.builder(2).add("a".getBytes(UTF_8), 7);

        assertThatThrownBy(() -> b.add("b".getBytes(UTF_8), 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate rank 7");
    }

    @Test
    void rejectsEmptyTokensAndNegativeRanks() {
        MergeableRanks.Builder b = MergeableRanks.builder(2);

        assertThatThrownBy(() -> b.add(new byte[0], 0)).hasMessage("empty token");
        assertThatThrownBy(() -> b.add(new byte[] {1}, -1)).hasMessage("negative rank -1");
    }

    @Test
    void findsEveryTokenOfALargeVocabularyGrownFromASmallBuilder() {
        Random random = new Random(42);
        MergeableRanks.Builder b = MergeableRanks.builder(1);
        byte[][] tokens = new byte[50_000][];
        for (int i = 0; i < tokens.length; i++) {
            byte[] t = new byte[4];
            random.nextBytes(t);
            t[0] = (byte) i;
            t[1] = (byte) (i >> 8);
            tokens[i] = t;
            b.add(t, i * 3);
        }
        MergeableRanks ranks = b.build();

        for (int i = 0; i < tokens.length; i++) {
            assertThat(ranks.rank(tokens[i])).isEqualTo(i * 3);
            assertThat(ranks.bytes(i * 3)).isEqualTo(tokens[i]);
        }
    }
}
