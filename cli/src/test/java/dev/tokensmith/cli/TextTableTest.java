package dev.tokensmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void firstColumnIsLeftAlignedAndTheOthersRightAligned() {
        String table =
                new TextTable("name", "n").row("a", "100").row("longer", "7").toString();
        assertThat(table).isEqualTo("name      n\n" + "a       100\n" + "longer    7\n");
    }

    @Test
    void leadingColumnsCanAllBeLeftAligned() {
        String table = new TextTable("a", "b", "n")
                .leftAligned(2)
                .row("xx", "y", "1")
                .row("x", "yyy", "100")
                .toString();
        assertThat(table).isEqualTo("a   b      n\n" + "xx  y      1\n" + "x   yyy  100\n");
    }

    @Test
    void emptyCellsAtTheEndOfARowLeaveNoTrailingSpaces() {
        String table = new TextTable("name", "a", "b").row("x", "1", "").toString();
        assertThat(table).isEqualTo("name  a  b\n" + "x     1\n");
    }

    @Test
    void widthCountsCodePoints() {
        String table = new TextTable("x", "y").row("🙂", "1").toString();
        assertThat(table).isEqualTo("x  y\n" + "🙂  1\n");
    }

    @Test
    void rowsMustHaveOneCellPerColumn() {
        assertThatThrownBy(() -> new TextTable("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
