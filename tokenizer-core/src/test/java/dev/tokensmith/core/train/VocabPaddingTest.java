package dev.tokensmith.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabPaddingTest {
    private static Tokenizer trained() {
        PreTokenCounts counts = PreTokens.of(TrainingTemplate.CHAR_LEVEL).count(List.of("the  cat\n\nsat on the mat"));
        return TrainingTemplate.CHAR_LEVEL.tokenizer(
                TrainingTemplate.CHAR_LEVEL.trainer().vocabSize(300).build().train(counts));
    }

    @Test
    void targetSizes() {
        assertThat(VocabPadding.toMultipleOf(128, VocabPadding.Filler.RESERVED).targetSize(32_000))
                .isEqualTo(32_000);
        assertThat(VocabPadding.toMultipleOf(128, VocabPadding.Filler.RESERVED).targetSize(32_001))
                .isEqualTo(32_128);
        assertThat(VocabPadding.toPowerOfTwo(VocabPadding.Filler.RESERVED).targetSize(4_083))
                .isEqualTo(4_096);
        assertThat(VocabPadding.toPowerOfTwo(VocabPadding.Filler.RESERVED).targetSize(4_096))
                .isEqualTo(4_096);
    }

    @Test
    void whitespaceFillerAlternatesRunsOfSpacesAndNewlinesAsKl3mDoes() {
        Tokenizer t = trained();
        int size = t.vocabSize(true);
        Tokenizer padded = VocabPadding.toMultipleOf(size + 4, VocabPadding.Filler.WHITESPACE)
                .apply(t);

        assertThat(padded.vocabSize(true)).isEqualTo(size + 4);
        assertThat(List.of(padded.idToToken(size), padded.idToToken(size + 1), padded.idToToken(size + 2)))
                .containsExactly("  ", "\n\n", "   ");
        assertThat(padded.isSpecialToken("  ")).isFalse();
    }

    @Test
    void reservedFillerAddsSpecialTokensAfterTheVocabulary() {
        Tokenizer t = trained();
        int size = t.vocabSize(true);
        Tokenizer padded =
                VocabPadding.toMultipleOf(64, VocabPadding.Filler.RESERVED).apply(t);

        assertThat(padded.vocabSize(true) % 64).isZero();
        assertThat(padded.tokenToId("<|reserved_special_token_0|>")).isEqualTo(size);
        assertThat(padded.isSpecialToken("<|reserved_special_token_0|>")).isTrue();
        assertThat(VocabPadding.toMultipleOf(1, VocabPadding.Filler.RESERVED).apply(t))
                .isSameAs(t);
    }
}
