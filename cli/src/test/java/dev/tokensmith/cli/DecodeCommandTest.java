package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error paths of {@code decode}; decoding real ids is in the end-to-end tests. */
class DecodeCommandTest {
    @TempDir
    Path dir;

    @Test
    void malformedIdsAreBadInputNamingLineAndColumn() throws IOException {
        Path any = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        CliRun.Result r = cli().stdin("1 2\n3 four").run("decode", "-t", any.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("tokensmith: <stdin>: line 2, column 3: expected a token id (a non-negative integer),"
                        + " found \"four\"\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withLinesTheErrorNamesTheInputLine() throws IOException {
        Path any = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Path ids = Files.writeString(dir.resolve("ids.txt"), "[1,2]\n[3,x]\n");
        CliRun.Result r = cli().run("decode", "-t", any.toString(), "--lines", "-i", ids.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: " + ids + ": line 2, column 4:");
    }

    @Test
    void badTokenizerFileIsBadInput() throws IOException {
        Path bad = Files.writeString(dir.resolve("tokenizer.json"), "[]");
        CliRun.Result r = cli().stdin("1 2").run("decode", "-t", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: " + bad + ": ");
    }
}
