package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.text.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnigramTest {

    /** Pieces from alternating token, score arguments. */
    static List<Unigram.Piece> pieces(Object... tokenScore) {
        List<Unigram.Piece> out = new ArrayList<>();
        for (int i = 0; i < tokenScore.length; i += 2) {
            out.add(new Unigram.Piece((String) tokenScore[i], ((Number) tokenScore[i + 1]).doubleValue()));
        }
        return out;
    }

    private static List<String> values(Unigram model, String piece) {
        return model.tokenize(piece).stream().map(Token::value).toList();
    }

    @Test
    void theBestScoringSegmentationWins() {
        // HF: models/unigram/model.rs test_encode
        Unigram model = new Unigram(
                pieces("<unk>", 0, "a", 0, "b", 0, "c", 0, "d", 0, "cd", 1, "ab", 2, "abc", 5, "abcd", 10), 0, false);
        assertThat(model.tokenize("abcd")).containsExactly(new Token(8, "abcd", 0, 4));
    }

    @Test
    void segmentationsOfTheHfEncode2Model() {
        // HF: test_encode2 (fuse_unk is always on for models read from JSON)
        Unigram model = new Unigram(
                pieces(
                        "<unk>",
                        0,
                        "ab",
                        0,
                        "cd",
                        -0.1,
                        "abc",
                        -0.2,
                        "a",
                        -0.3,
                        "b",
                        -0.4,
                        "c",
                        -0.5,
                        "ABC",
                        -0.5,
                        "abcdabcd",
                        20,
                        "q",
                        20.5,
                        "r",
                        20.5,
                        "qr",
                        -0.5),
                0,
                false);
        assertThat(values(model, "abc")).containsExactly("abc");
        assertThat(values(model, "AB")).containsExactly("AB");
        assertThat(values(model, "abcd")).containsExactly("ab", "cd");
        assertThat(values(model, "abcc")).containsExactly("abc", "c");
        assertThat(values(model, "xabcabaabcdd")).containsExactly("x", "abc", "ab", "a", "ab", "cd", "d");
        assertThat(values(model, "xyz東京")).containsExactly("xyz東京");
        assertThat(values(model, "ABC")).containsExactly("ABC");
        assertThat(values(model, "abABCcd")).containsExactly("ab", "ABC", "cd");
        assertThat(values(model, "ababcdabcdcd")).containsExactly("ab", "abcdabcd", "cd");
        assertThat(values(model, "abqrcd")).containsExactly("ab", "q", "r", "cd");
    }

    @Test
    void fusedUnknownCharactersAreOneUnknownTokenWithTheirOwnText() {
        Unigram model = new Unigram(pieces("<unk>", 0, "ab", 0, "a", -0.3), 0, false);
        assertThat(model.tokenize("xyab")).containsExactly(new Token(0, "xy", 0, 2), new Token(1, "ab", 2, 4));
    }

    @Test
    void byteFallbackReplacesAnUnknownCharacterByItsBytes() {
        // HF: test_unigram_bytefallback (ranges here in UTF-16 units; HF's are bytes)
        Unigram model = new Unigram(pieces("<unk>", 0, "<0xC3>", -0.01, "<0xA9>", -0.03), 0, true);
        assertThat(model.tokenize("é")).containsExactly(new Token(1, "<0xC3>", 0, 1), new Token(2, "<0xA9>", 0, 1));
    }

    @Test
    void byteFallbackNeedsEveryByteOfTheFusedRun() {
        // HF: test_unigram_bytefallback ("?é": '?' has no byte token, so the fused run "?é" is unknown)
        Unigram model = new Unigram(pieces("<unk>", 0, "<0xC3>", -0.01, "<0xA9>", -0.03), 0, true);
        assertThat(model.tokenize("?é")).containsExactly(new Token(0, "?é", 0, 2));
    }

    @Test
    void unknownCharactersScoreTenBelowTheWorstPiece() {
        // The worst piece is "xb" at -1, so "x" alone scores -11: "x" + "b" beats "xb" only if "b" scores > 10.
        Unigram cheapB = new Unigram(pieces("<unk>", 0, "b", 9.5, "xb", -1), 0, false);
        assertThat(values(cheapB, "xb")).containsExactly("xb");
        Unigram richB = new Unigram(pieces("<unk>", 0, "b", 10.5, "xb", -1), 0, false);
        assertThat(values(richB, "xb")).containsExactly("x", "b");
    }

    @Test
    void equalScoresKeepTheFirstPathFound() {
        // a|bc and ab|c both score -2: the path reaching the end from the earlier start is found first.
        Unigram model = new Unigram(pieces("<unk>", 0, "a", -1, "bc", -1, "ab", -1, "c", -1), 0, false);
        assertThat(values(model, "abc")).containsExactly("a", "bc");
    }

    @Test
    void supplementaryCharactersAreSingleCharacters() {
        Unigram model = new Unigram(pieces("<unk>", 0, "\uD83D\uDE00", -1, "a", -1), 0, false);
        assertThat(model.tokenize("a\uD83D\uDE00\uD83D\uDE01"))
                .containsExactly(
                        new Token(2, "a", 0, 1),
                        new Token(1, "\uD83D\uDE00", 1, 3),
                        new Token(0, "\uD83D\uDE01", 3, 5));
    }

    @Test
    void anUnknownCharacterWithoutUnkIdFails() {
        Unigram model = new Unigram(pieces("a", -1), -1, false);
        assertThat(values(model, "aa")).containsExactly("a", "a");
        assertThatThrownBy(() -> model.tokenize("b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Encountered an unknown token but `unk_id` is missing");
    }

    @Test
    void unkIdMustBeInTheVocabulary() {
        assertThatThrownBy(() -> new Unigram(pieces("a", -1), 1, false))
                .hasMessage("The `unk_id` is larger than vocabulary size");
        assertThatThrownBy(() -> new Unigram(List.of(), 0, false))
                .hasMessage("The vocabulary is empty but at least <unk> is needed");
    }

    @Test
    void aRepeatedPieceKeepsItsLastId() {
        Unigram model = new Unigram(pieces("<unk>", 0, "a", -1, "a", -2), 0, false);
        assertThat(model.tokenToId("a")).isEqualTo(2);
        assertThat(model.idToToken(1)).isEqualTo("a");
        assertThat(model.vocabSize()).isEqualTo(3);
        assertThat(model.vocab()).hasSize(2);
        assertThat(model.tokenize("a")).containsExactly(new Token(2, "a", 0, 1));
    }

    @Test
    void anEmptyPieceHasNoTokens() {
        assertThat(new Unigram(pieces("<unk>", 0), 0, false).tokenize("")).isEmpty();
    }
}
