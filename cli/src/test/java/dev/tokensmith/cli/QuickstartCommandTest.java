package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartCommandTest {
    @TempDir
    Path cache;

    @Test
    void notesEachFetchedTokenizerMissingFromTheCache() {
        CliRun.Result r = cli().run("quickstart", "--no-train", "--cache-dir", cache.toString());
        for (String name : QuickstartCommand.FETCHED) {
            assertThat(r.err()).contains("tokensmith: skipped " + name + ": not in " + cache.resolve("tokenizers"));
        }
    }

    @Test
    void aTokenizerFileThatDoesNotLoadIsSkippedWithItsError() throws IOException {
        Files.createDirectories(cache.resolve("tokenizers"));
        Files.writeString(cache.resolve("tokenizers/mine.json"), "{\"version\": \"3\"}");
        CliRun.Result r = cli().run("quickstart", "--no-train", "--cache-dir", cache.toString());
        assertThat(r.err()).contains("tokensmith: skipped mine: ").contains("unknown tokenizer version '3'");
    }

    @Test
    void quietLeavesOutTheNotes() {
        CliRun.Result r = cli().run("quickstart", "--quiet", "--no-train", "--cache-dir", cache.toString());
        assertThat(r.err()).doesNotContain("skipped").doesNotContain("sample");
    }

    @Test
    void eitherPrintsATableOrSaysNothingLoaded() {
        CliRun.Result r = cli().run("quickstart", "--cache-dir", cache.toString());
        if (r.exitCode() == 0) {
            assertThat(r.out()).startsWith("tokenizer").contains("bytes/token", "chars/token", "o200k_base");
            // The tokenizer trained on the embedded sample corpus has its row, with its 8,000 tokens.
            assertThat(r.out().lines().filter(l -> l.startsWith("trained-8k")).findFirst())
                    .hasValueSatisfying(row -> assertThat(row).contains("8000"));
        } else {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).endsWith("tokensmith: no tokenizer could be loaded\n");
            assertThat(r.out()).isEmpty();
        }
    }
}
