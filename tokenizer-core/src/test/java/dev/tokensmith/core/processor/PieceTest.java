package dev.tokensmith.core.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.processor.Piece.SequenceId;
import org.junit.jupiter.api.Test;

/** HF processors/template.rs {@code piece} test, plus the notation's other rules from Piece::try_from. */
class PieceTest {

    @Test
    void parsesSequenceNotation() {
        assertThat(Piece.parse("$")).isEqualTo(new Piece.Sequence(SequenceId.A, 0));
        assertThat(Piece.parse("$B")).isEqualTo(new Piece.Sequence(SequenceId.B, 0));
        assertThat(Piece.parse("$1")).isEqualTo(new Piece.Sequence(SequenceId.A, 1));
        assertThat(Piece.parse("$B:2")).isEqualTo(new Piece.Sequence(SequenceId.B, 2));
        assertThat(Piece.parse("$:1")).isEqualTo(new Piece.Sequence(SequenceId.A, 1));
        assertThat(Piece.parse("$a")).isEqualTo(new Piece.Sequence(SequenceId.A, 0));
        assertThat(Piece.parse("$b:1")).isEqualTo(new Piece.Sequence(SequenceId.B, 1));
    }

    @Test
    void readsAnythingElseAsASpecialToken() {
        assertThat(Piece.parse("[CLS]")).isEqualTo(new Piece.SpecialToken("[CLS]", 0));
        assertThat(Piece.parse("[SEP]:1")).isEqualTo(new Piece.SpecialToken("[SEP]", 1));
    }

    @Test
    void rejectsMalformedPieces() {
        assertThatThrownBy(() -> Piece.parse("$C:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Piece.parse("$A:")).hasMessage("Cannot build Piece from string \"$A:\"");
        assertThatThrownBy(() -> Piece.parse("a:b:c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Piece.parse("$-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsAPlusSignInNumbersAsRustDoes() {
        assertThat(Piece.parse("$+2")).isEqualTo(new Piece.Sequence(SequenceId.A, 2));
        assertThat(Piece.parse("[SEP]:+1")).isEqualTo(new Piece.SpecialToken("[SEP]", 1));
    }

    @Test
    void splitsATemplateOnSingleSpaces() {
        assertThat(Piece.parseTemplate("[CLS] $A [SEP]"))
                .containsExactly(
                        new Piece.SpecialToken("[CLS]", 0),
                        new Piece.Sequence(SequenceId.A, 0),
                        new Piece.SpecialToken("[SEP]", 0));
        // Two spaces make an empty special-token id, as in HF.
        assertThat(Piece.parseTemplate("$A  $B")).contains(new Piece.SpecialToken("", 0));
    }
}
