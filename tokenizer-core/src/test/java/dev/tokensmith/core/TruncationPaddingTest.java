package dev.tokensmith.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.model.Model;
import org.junit.jupiter.api.Test;

/** Truncation and padding as HF's truncate_encodings / pad_encodings apply them. */
class TruncationPaddingTest {
    private static final Model MODEL = CharModel.of("abcdefghij");

    @Test
    void rightTruncationKeepsTheStartAndOverflowsWithStride() {
        Tokenizer t = Tokenizer.builder(MODEL)
                .truncation(new Truncation(Truncation.Direction.RIGHT, 4, Truncation.Strategy.LONGEST_FIRST, 1))
                .build();
        Encoding e = t.encode("abcdefghij", false);
        assertThat(e.tokens()).containsExactly("a", "b", "c", "d");
        assertThat(e.overflowing()).hasSize(2);
        assertThat(e.overflowing().get(0).tokens()).containsExactly("d", "e", "f", "g");
        assertThat(e.overflowing().get(1).tokens()).containsExactly("g", "h", "i", "j");
    }

    @Test
    void leftTruncationKeepsTheEnd() {
        Tokenizer t = Tokenizer.builder(MODEL)
                .truncation(new Truncation(Truncation.Direction.LEFT, 3, Truncation.Strategy.LONGEST_FIRST, 0))
                .build();
        assertThat(t.encode("abcdef", false).tokens()).containsExactly("d", "e", "f");
    }

    @Test
    void longestFirstSharesTheBudgetOfAPair() {
        Tokenizer t = Tokenizer.builder(MODEL)
                .truncation(new Truncation(Truncation.Direction.RIGHT, 5, Truncation.Strategy.LONGEST_FIRST, 0))
                .build();
        Encoding e = t.encodePair("ab", "cdefghij", false);
        assertThat(e.tokens()).containsExactly("a", "b", "c", "d", "e");
        assertThat(e.typeIds()).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void fixedPaddingAppendsPadTokensWithoutAttention() {
        Tokenizer t = Tokenizer.builder(MODEL)
                .padding(new Padding(5, false, null, 0, 0, "[PAD]"))
                .build();
        Encoding e = t.encode("ab", false);
        assertThat(e.tokens()).containsExactly("a", "b", "[PAD]", "[PAD]", "[PAD]");
        assertThat(e.attentionMask()).containsExactly(1, 1, 0, 0, 0);
        assertThat(e.specialTokensMask()).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void batchLongestPaddingRoundsUpToAMultiple() {
        Tokenizer t = Tokenizer.builder(MODEL)
                .padding(new Padding(null, true, 4, 0, 0, "[PAD]"))
                .build();
        assertThat(t.encode("abcde", false).tokens())
                .containsExactly("[PAD]", "[PAD]", "[PAD]", "a", "b", "c", "d", "e");
    }
}
