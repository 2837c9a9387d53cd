package dev.tokensmith.core.format;

import static dev.tokensmith.core.format.MergeableRanksTest.ranksOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TiktokenEncodingTest {

    @Test
    void keepsSpecialTokensSortedById() {
        Map<String, Integer> specials = new LinkedHashMap<>();
        specials.put("<z>", 9);
        specials.put("<a>", 3);

        TiktokenEncoding enc = new TiktokenEncoding("t", "x", ranksOf("a"), specials);

        assertThat(enc.specialTokens()).containsExactly(entry("<a>", 3), entry("<z>", 9));
    }

    @Test
    void countsTheVocabularyUpToTheLargestIdInUse() {
        assertThat(new TiktokenEncoding("t", "x", ranksOf("a", "b"), Map.of("<s>", 7)).vocabSize())
                .isEqualTo(8);
        assertThat(new TiktokenEncoding("t", "x", ranksOf("a", "b", "c"), Map.of()).vocabSize())
                .isEqualTo(3);
    }

    @Test
    void checksAnExplicitVocabularySizeAsTiktokenDoes() {
        MergeableRanks ranks = ranksOf("a", "b");

        assertThat(new TiktokenEncoding("t", "x", ranks, Map.of("<s>", 2), OptionalInt.of(3)).explicitVocabSizeHolds())
                .isTrue();
        // three ids, but the largest is 4
        assertThat(new TiktokenEncoding("t", "x", ranks, Map.of("<s>", 4), OptionalInt.of(3)).explicitVocabSizeHolds())
                .isFalse();
        assertThat(new TiktokenEncoding("t", "x", ranks, Map.of(), OptionalInt.of(3)).explicitVocabSizeHolds())
                .isFalse();
    }

    @Test
    void refusesEmptyOrNegativeSpecialTokens() {
        MergeableRanks ranks = ranksOf("a");

        assertThatThrownBy(() -> new TiktokenEncoding("t", "x", ranks, Map.of("", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty special token");
        assertThatThrownBy(() -> new TiktokenEncoding("t", "x", ranks, Map.of("<s>", -1)))
                .hasMessage("special token <s> has negative id -1");
    }

    @Test
    void equalEncodingsHaveEqualRanksWhateverTheirLoadingOrder() {
        MergeableRanks reversed = MergeableRanks.builder(2)
                .add("b".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1)
                .add("a".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0)
                .build();

        assertThat(new TiktokenEncoding("t", "x", reversed, Map.of("<s>", 2)))
                .isEqualTo(new TiktokenEncoding("t", "x", ranksOf("a", "b"), Map.of("<s>", 2)))
                .hasSameHashCodeAs(new TiktokenEncoding("t", "x", ranksOf("a", "b"), Map.of("<s>", 2)));
    }
}
