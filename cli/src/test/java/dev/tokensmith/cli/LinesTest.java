package dev.tokensmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinesTest {
    @Test
    void splitsOnNewlines() {
        assertThat(Lines.split("one\ntwo\nthree")).containsExactly("one", "two", "three");
    }

    @Test
    void aFinalNewlineEndsTheLastLineWithoutStartingAnother() {
        assertThat(Lines.split("one\ntwo\n")).containsExactly("one", "two");
    }

    @Test
    void carriageReturnStaysPartOfItsLine() {
        assertThat(Lines.split("one\r\ntwo\r\n")).containsExactly("one\r", "two\r");
    }

    @Test
    void aLoneCarriageReturnDoesNotEndALine() {
        assertThat(Lines.split("one\rtwo")).containsExactly("one\rtwo");
    }

    @Test
    void emptyLinesInTheMiddleAndAtTheEndAreLines() {
        assertThat(Lines.split("one\n\ntwo\n\n")).containsExactly("one", "", "two", "");
    }

    @Test
    void aSingleNewlineIsOneEmptyLine() {
        assertThat(Lines.split("\n")).containsExactly("");
    }

    @Test
    void emptyTextHasNoLines() {
        assertThat(Lines.split("")).isEmpty();
    }

    @Test
    void whitespaceAroundLinesIsKept() {
        assertThat(Lines.split("  a \t\n b ")).containsExactly("  a \t", " b ");
    }
}
