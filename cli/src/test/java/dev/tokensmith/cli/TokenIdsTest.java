package dev.tokensmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenIdsTest {
    @Test
    void readsIdsSeparatedByWhitespace() {
        assertThat(TokenIds.parse(" 1 2\t3\n4\r\n5 ", "in")).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void readsJsonArrays() {
        assertThat(TokenIds.parse("[1, 2,3]", "in")).containsExactly(1, 2, 3);
    }

    @Test
    void readsOneJsonArrayPerLineAsOneSequence() {
        assertThat(TokenIds.parse("[1,2]\n[]\n[3]\n", "in")).containsExactly(1, 2, 3);
    }

    @Test
    void emptyInputHasNoIds() {
        assertThat(TokenIds.parse(" \n", "in")).isEmpty();
    }

    @Test
    void acceptsTheLargestInt() {
        assertThat(TokenIds.parse("2147483647", "in")).containsExactly(Integer.MAX_VALUE);
    }

    @Test
    void aWordIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> TokenIds.parse("1 2\n3 x4", "ids.txt"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("ids.txt: line 2, column 3: expected a token id (a non-negative integer), found \"x4\"");
    }

    @Test
    void negativeIdsAreRejected() {
        assertThatThrownBy(() -> TokenIds.parse("-1", "in")).hasMessageContaining("found \"-1\"");
    }

    @Test
    void idsBeyondIntAreRejected() {
        assertThatThrownBy(() -> TokenIds.parse("2147483648", "in")).hasMessageContaining("found \"2147483648\"");
    }

    @Test
    void lineNumbersCanStartLater() {
        assertThatThrownBy(() -> TokenIds.parse("[1, y]", "in", 7)).hasMessageStartingWith("in: line 7, column 5:");
    }
}
