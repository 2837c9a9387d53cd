package dev.tokensmith.core.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CorpusLinesTest {
    private static CorpusLines of(String s) {
        return new CorpusLines(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void linesCarryTheirByteOffsetAndKeepCarriageReturns() throws IOException {
        CorpusLines r = of("é\r\nb\n\nlast");

        assertThat(r.nextLine()).isEqualTo(new CorpusLines.Line(0, "é\r"));
        assertThat(r.nextLine()).isEqualTo(new CorpusLines.Line(4, "b"));
        assertThat(r.nextLine()).isEqualTo(new CorpusLines.Line(6, ""));
        assertThat(r.nextLine()).isEqualTo(new CorpusLines.Line(7, "last"));
        assertThat(r.nextLine()).isNull();
    }

    @Test
    void blocksAreSeparatedByEmptyLinesWhichAreCounted() throws IOException {
        CorpusLines r = of("a\nb\n\n\nc\n");

        CorpusLines.Block first = r.nextBlock();
        CorpusLines.Block second = r.nextBlock();

        assertThat(first.lines()).extracting(CorpusLines.Line::text).containsExactly("a", "b");
        assertThat(first.emptyLinesBefore()).isZero();
        assertThat(second.lines()).containsExactly(new CorpusLines.Line(6, "c"));
        assertThat(second.emptyLinesBefore()).isEqualTo(2);
        assertThat(r.nextBlock()).isNull();
    }

    @Test
    void linesLongerThanTheBufferAreWhole() throws IOException {
        String longLine = "x".repeat(200_000);

        CorpusLines r = of(longLine + "\ny");

        assertThat(r.nextLine().text()).isEqualTo(longLine);
        assertThat(r.nextLine()).isEqualTo(new CorpusLines.Line(200_001, "y"));
    }
}
