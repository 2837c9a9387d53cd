package dev.tokensmith.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.model.Bpe;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpeTrainerTest {
    /** The classic example: hug ×10, pug ×5, pun ×12, bun ×4, hugs ×5. */
    private static PreTokenCounts hugs() {
        return PreTokenCounts.builder()
                .add("hug", 10)
                .add("pug", 5)
                .add("pun", 12)
                .add("bun", 4)
                .add("hugs", 5)
                .build();
    }

    @Test
    void mergesTheMostFrequentPairFirst() {
        BpeTrainingResult r = BpeTrainer.builder().vocabSize(10).build().train(hugs());

        assertThat(r.vocab()).containsExactly("b", "g", "h", "n", "p", "s", "u", "ug", "un", "hug");
        assertThat(r.merges())
                .containsExactly(new Bpe.Merge("u", "g"), new Bpe.Merge("u", "n"), new Bpe.Merge("h", "ug"));
    }

    @Test
    void specialTokensTakeTheFirstIdsAndTheVocabularySizeCountsThem() {
        BpeTrainingResult r = BpeTrainer.builder()
                .vocabSize(10)
                .specialTokens(List.of("<s>", "</s>", "<s>"))
                .build()
                .train(hugs());

        assertThat(r.vocab()).startsWith("<s>", "</s>", "b").hasSize(10);
        assertThat(r.merges()).hasSize(1);
    }

    @Test
    void equalCountsAreBrokenByTheSmallerPairOfIds() {
        // ab and cd both occur 3 times; a < c, so (a, b) goes first, as in HF.
        PreTokenCounts counts =
                PreTokenCounts.builder().add("cd", 3).add("ab", 3).build();
        BpeTrainingResult r = BpeTrainer.builder().vocabSize(5).build().train(counts);
        assertThat(r.merges()).containsExactly(new Bpe.Merge("a", "b"));
    }

    @Test
    void minimumFrequencyStopsTraining() {
        BpeTrainingResult r =
                BpeTrainer.builder().vocabSize(100).minFrequency(16).build().train(hugs());
        assertThat(r.merges()).containsExactly(new Bpe.Merge("u", "g"), new Bpe.Merge("u", "n"));
    }

    @Test
    void maxTokenLengthIsInCharacters() {
        PreTokenCounts counts =
                PreTokenCounts.builder().add("abcdefgh", 100).add("ééééé", 50).build();
        BpeTrainingResult r =
                BpeTrainer.builder().vocabSize(1000).maxTokenLength(3).build().train(counts);

        assertThat(r.vocab())
                .allSatisfy(t -> assertThat(t.codePointCount(0, t.length())).isLessThanOrEqualTo(3));
        // ab, cd, ef, gh tie and merge first; ab + cd would make four characters, so no "abc" ever forms.
        assertThat(r.vocab()).contains("ab", "gh", "ééé").doesNotContain("abcd", "abc");
        assertThatThrownBy(() -> BpeTrainer.builder().maxTokenLength(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below 2");
    }

    @Test
    void prefixMarksNonInitialCharactersAndSuffixMarksTheLast() {
        BpeTrainingResult r = BpeTrainer.builder()
                .vocabSize(40)
                .continuingSubwordPrefix("##")
                .endOfWordSuffix("</w>")
                .build()
                .train(hugs());

        assertThat(r.vocab()).contains("h", "##u", "##g", "##g</w>", "##s</w>", "hu", "hug</w>");
        assertThat(r.model().tokenize("hug")).extracting(t -> t.value()).containsExactly("hug</w>");
    }

    @Test
    void limitAlphabetDropsTheRarestCharactersWhichThenVanishFromWords() {
        BpeTrainingResult r =
                BpeTrainer.builder().vocabSize(100).limitAlphabet(5).build().train(hugs());

        // b (4 occurrences) and s (5) are the rarest of the seven characters.
        assertThat(r.vocab().subList(0, 5)).containsExactly("g", "h", "n", "p", "u");
        assertThat(r.vocab()).doesNotContain("b", "s", "hugs");
    }

    @Test
    void initialAlphabetIsKeptEvenWhenUnseen() {
        BpeTrainingResult r =
                BpeTrainer.builder().vocabSize(9).initialAlphabet("zé").build().train(hugs());
        assertThat(r.vocab()).contains("z", "é").hasSize(9);
    }

    @Test
    void threadsDoNotChangeTheResult() {
        PreTokenCounts.Builder b = PreTokenCounts.builder();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder w = new StringBuilder();
            for (int j = 2 + random.nextInt(8); j > 0; j--) {
                w.append((char) ('a' + Math.min(25, (int) Math.abs(random.nextGaussian() * 6))));
            }
            b.add(w.toString(), 1 + random.nextInt(50));
        }
        PreTokenCounts counts = b.build();
        BpeTrainingResult one = BpeTrainer.builder().vocabSize(2000).build().train(counts);
        BpeTrainingResult four =
                BpeTrainer.builder().vocabSize(2000).threads(4).build().train(counts);
        assertThat(four.vocab()).isEqualTo(one.vocab());
        assertThat(four.merges()).isEqualTo(one.merges());
    }
}
