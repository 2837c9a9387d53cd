package dev.tokensmith.core.model;

import static dev.tokensmith.core.model.BpeTest.vocab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.text.Token;
import org.junit.jupiter.api.Test;

class WordLevelTest {

    @Test
    void aPieceInTheVocabularyIsOneToken() {
        // HF: models/wordlevel/mod.rs test_tokenize_unk
        WordLevel model = new WordLevel(vocab("<unk>", "a", "b"), "<unk>");
        assertThat(model.tokenize("a")).containsExactly(new Token(1, "a", 0, 1));
    }

    @Test
    void anyOtherPieceIsTheUnknownTokenOverTheWholePiece() {
        // HF: test_tokenize_unk
        WordLevel model = new WordLevel(vocab("<unk>", "a", "b"), "<unk>");
        assertThat(model.tokenize("c")).containsExactly(new Token(0, "<unk>", 0, 1));
        assertThat(model.tokenize("héllo")).containsExactly(new Token(0, "<unk>", 0, 5));
    }

    @Test
    void anUnknownPieceFailsWhenTheUnknownTokenIsMissing() {
        // HF: test_tokenize_missing_unk_token
        WordLevel model = new WordLevel(vocab("a", "b"), "<unk>");
        assertThat(model.tokenize("a")).containsExactly(new Token(0, "a", 0, 1));
        assertThatThrownBy(() -> model.tokenize("c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void vocabularyLookups() {
        WordLevel model = new WordLevel(vocab("<unk>", "a", "b"), "<unk>");
        assertThat(model.tokenToId("b")).isEqualTo(2);
        assertThat(model.idToToken(2)).isEqualTo("b");
        assertThat(model.idToToken(3)).isNull();
        assertThat(model.vocabSize()).isEqualTo(3);
    }
}
