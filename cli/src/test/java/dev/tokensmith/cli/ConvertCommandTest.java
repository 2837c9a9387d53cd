package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error paths of {@code convert}: no output file unless the whole conversion succeeds. */
class ConvertCommandTest {
    @TempDir
    Path dir;

    @Test
    void unreadableSourceWritesNothing() throws IOException {
        Path bad = Files.writeString(dir.resolve("broken.json"), "{\"version\": \"9\"}");
        Path out = dir.resolve("out.json");
        CliRun.Result r = cli().run("convert", "--from", bad.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: " + bad + ": at $.version");
        assertThat(out).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void failedConversionLeavesAnExistingOutputAlone() throws IOException {
        Path out = Files.writeString(dir.resolve("out.json"), "previous");
        CliRun.Result r =
                cli().run("convert", "--from", dir.resolve("missing.json").toString(), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(out).hasContent("previous");
    }

    @Test
    void bothOptionsAreRequired() {
        assertThat(cli().run("convert", "--from", "x.json").exitCode()).isEqualTo(2);
    }
}
