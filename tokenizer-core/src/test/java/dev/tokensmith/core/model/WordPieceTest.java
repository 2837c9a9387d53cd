package dev.tokensmith.core.model;

import static dev.tokensmith.core.model.BpeTest.vocab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.text.Token;
import org.junit.jupiter.api.Test;

class WordPieceTest {
    private final WordPiece model =
            WordPiece.of(vocab("[UNK]", "un", "##aff", "##able", "a", "##a", "affable", "##ff"));

    @Test
    void longestMatchFirstThenContinuations() {
        assertThat(model.tokenize("unaffable"))
                .containsExactly(new Token(1, "un", 0, 2), new Token(2, "##aff", 2, 5), new Token(3, "##able", 5, 9));
    }

    @Test
    void theWholePieceWinsWhenItIsInTheVocabulary() {
        assertThat(model.tokenize("affable")).containsExactly(new Token(6, "affable", 0, 7));
    }

    @Test
    void greedyMatchingDoesNotBacktrack() {
        // "a" + "##ff" + ... would fail at "##x"; greedy never revisits, so the whole piece is unknown.
        assertThat(model.tokenize("affx")).containsExactly(new Token(0, "[UNK]", 0, 4));
    }

    @Test
    void aPieceWithAnUnmatchablePartIsOneUnknownToken() {
        assertThat(model.tokenize("unx")).containsExactly(new Token(0, "[UNK]", 0, 3));
    }

    @Test
    void piecesLongerThanTheLimitInCharactersAreUnknown() {
        WordPiece limited = new WordPiece(vocab("[UNK]", "a", "##a"), "[UNK]", "##", 3);
        assertThat(limited.tokenize("aaa")).hasSize(3);
        assertThat(limited.tokenize("aaaa")).containsExactly(new Token(0, "[UNK]", 0, 4));
    }

    @Test
    void theLimitCountsCodePointsNotUtf16Units() {
        WordPiece limited = new WordPiece(vocab("[UNK]", "\uD83D\uDE00", "##\uD83D\uDE00"), "[UNK]", "##", 2);
        assertThat(limited.tokenize("\uD83D\uDE00\uD83D\uDE00"))
                .containsExactly(new Token(1, "\uD83D\uDE00", 0, 2), new Token(2, "##\uD83D\uDE00", 2, 4));
    }

    @Test
    void aCustomContinuingPrefix() {
        WordPiece custom = new WordPiece(vocab("<unk>", "a", "@@b"), "<unk>", "@@", 100);
        assertThat(custom.tokenize("ab")).containsExactly(new Token(1, "a", 0, 1), new Token(2, "@@b", 1, 2));
    }

    @Test
    void anEmptyPieceHasNoTokens() {
        assertThat(model.tokenize("")).isEmpty();
    }

    @Test
    void aMissingUnknownTokenFailsWhenNeeded() {
        // HF: models/wordpiece/mod.rs Error::MissingUnkToken
        WordPiece noUnk = WordPiece.of(vocab("a"));
        assertThat(noUnk.tokenize("a")).containsExactly(new Token(0, "a", 0, 1));
        assertThatThrownBy(() -> noUnk.tokenize("b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing [UNK] token");
    }
}
