package dev.tokensmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Encoding;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
    /** "h🙂 \"x\"\n" in three tokens; the emoji is two UTF-16 units but one code point. */
    private static final String TEXT = "h🙂 \"x\"\n";

    private static Encoding encoding() {
        return Encoding.builder(3)
                .add(7, "h", 0, 1, 0, 0, 0, 0)
                .add(42, "🙂", 1, 3, 0, 1, 0, 0)
                .add(5, " \"x\"\n", 3, 8, 0, 2, 0, 0)
                .build();
    }

    @Test
    void idsAreSeparatedBySpaces() {
        assertThat(OutputFormat.ids.render(encoding(), TEXT, false)).isEqualTo("7 42 5");
    }

    @Test
    void idsOfALineAreAJsonArray() {
        assertThat(OutputFormat.ids.render(encoding(), TEXT, true)).isEqualTo("[7,42,5]");
    }

    @Test
    void noIdsIsAnEmptyLineOrAnEmptyArray() {
        Encoding empty = Encoding.empty();
        assertThat(OutputFormat.ids.render(empty, "", false)).isEmpty();
        assertThat(OutputFormat.ids.render(empty, "", true)).isEqualTo("[]");
    }

    @Test
    void tokensAreAJsonArrayWithEscapes() {
        assertThat(OutputFormat.tokens.render(encoding(), TEXT, false)).isEqualTo("[\"h\",\"🙂\",\" \\\"x\\\"\\n\"]");
    }

    @Test
    void jsonHasIdsTokensAndCodePointOffsets() {
        assertThat(OutputFormat.json.render(encoding(), TEXT, false))
                .isEqualTo("{\"ids\":[7,42,5],\"tokens\":[\"h\",\"🙂\",\" \\\"x\\\"\\n\"],"
                        + "\"offsets\":[[0,1],[1,2],[2,7]]}");
    }

    @Test
    void countIsTheNumberOfTokens() {
        assertThat(OutputFormat.count.render(encoding(), TEXT, false)).isEqualTo("3");
    }
}
