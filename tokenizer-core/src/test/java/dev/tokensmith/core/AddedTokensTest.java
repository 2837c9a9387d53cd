package dev.tokensmith.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.model.Model;
import org.junit.jupiter.api.Test;

/** How added tokens are cut out of the input (HF added_vocabulary.rs semantics). */
class AddedTokensTest {
    private static final Model MODEL = CharModel.of("abcdefghijklmnopqrstuvwxyz <>|");

    private static Tokenizer with(AddedToken... tokens) {
        return Tokenizer.builder(MODEL).addedTokens(java.util.List.of(tokens)).build();
    }

    private static AddedToken token(String content, boolean singleWord, boolean lstrip, boolean rstrip) {
        return new AddedToken(0, content, singleWord, lstrip, rstrip, false, true);
    }

    @Test
    void addedTokensGetIdsAfterTheModelVocabularyInOrder() {
        Tokenizer t = with(token("<|a|>", false, false, false), token("<|b|>", false, false, false));
        assertThat(t.tokenToId("<|a|>")).isEqualTo(MODEL.vocabSize());
        assertThat(t.tokenToId("<|b|>")).isEqualTo(MODEL.vocabSize() + 1);
        assertThat(t.vocabSize(true)).isEqualTo(MODEL.vocabSize() + 2);
    }

    @Test
    void anAddedTokenAlreadyInTheModelKeepsItsModelId() {
        Tokenizer t = with(token("a", false, false, false));
        assertThat(t.tokenToId("a")).isEqualTo(MODEL.tokenToId("a"));
        assertThat(t.vocabSize(true)).isEqualTo(MODEL.vocabSize());
    }

    @Test
    void matchesAreLeftmostLongest() {
        Tokenizer t = with(token("<|a|>", false, false, false), token("<|a|>b", false, false, false));
        Encoding e = t.encode("x<|a|>bc", false);
        assertThat(e.tokens()).containsExactly("x", "<|a|>b", "c");
        assertThat(e.startAt(1)).isEqualTo(1);
        assertThat(e.endAt(1)).isEqualTo(7);
    }

    @Test
    void lstripAndRstripTakeTheSurroundingWhitespace() {
        Tokenizer t = with(token("<m>", false, true, true));
        Encoding e = t.encode("a  <m>  b", false);
        assertThat(e.tokens()).containsExactly("a", "  <m>  ", "b");
    }

    @Test
    void singleWordTokensDoNotMatchInsideWords() {
        Tokenizer t = with(token("ab", true, false, false));
        assertThat(t.encode("xab ab", false).tokens()).containsExactly("x", "a", "b", " ", "ab");
    }

    @Test
    void wordIdsCountSplitsIncludingAddedTokens() {
        Tokenizer t = with(token("<m>", false, false, false));
        Encoding e = t.encode("ab<m>c", false);
        assertThat(e.wordIds()).containsExactly(0, 0, 1, 2);
    }

    @Test
    void decodeCanSkipSpecialTokens() {
        Tokenizer t = with(token("<m>", false, false, false));
        int[] ids = t.encode("ab<m>c", false).ids();
        assertThat(t.decode(ids, false)).isEqualTo("a b <m> c");
        assertThat(t.decode(ids, true)).isEqualTo("a b c");
    }
}
