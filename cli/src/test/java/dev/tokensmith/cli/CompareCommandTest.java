package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.cli.compare.ComparisonResult;
import dev.tokensmith.cli.compare.Mismatch;
import dev.tokensmith.cli.compare.ReferenceUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheReferenceOnTheClassPathItSaysSoAndFails() throws IOException {
        Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        CliRun.Result r = cli().stdin("hello")
                .references(file -> {
                    throw new ReferenceUnavailableException("the HF reference is not on the class path");
                })
                .run("compare", "-t", tokenizer.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("tokensmith: the HF reference is not on the class path\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingTokenizerFileIsBadInput() {
        CliRun.Result r = cli().stdin("hello")
                .run("compare", "-t", dir.resolve("none.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tokensmith: " + dir.resolve("none.json") + ": no such tokenizer.json file\n");
    }

    @Test
    void fileTheReferenceCannotReadIsBadInput() throws IOException {
        Path notHf = Files.writeString(dir.resolve("tokenizer.json"), "{\"not\": \"a tokenizer\"}");
        CliRun.Result r = cli().stdin("hello").run("compare", "-t", notHf.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: HF tokenizers (via DJL) cannot read " + notHf);
    }

    @Test
    void invalidUtf8InputIsBadInput() throws IOException {
        Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        CliRun.Result r = cli().stdin(new byte[] {(byte) 0xFE}).run("compare", "-t", tokenizer.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("invalid UTF-8 at byte offset 0");
    }

    @Test
    void reportOfAMatchCountsInputsAndTokens() {
        String report = CompareCommand.report(new ComparisonResult(3, 42, 0, null), List.of("a", "b", "c"), true);
        assertThat(report)
                .isEqualTo("match: 3 inputs, 42 tokens; ids, tokens, offsets and decoded text agree"
                        + " (with and without special tokens)\n");
    }

    @Test
    void reportOfAMismatchShowsTheLineThePositionAndBothSides() {
        Mismatch m = new Mismatch(1, true, "ids", 4, ">[4] 10 \"a\"", ">[4] 11 \"a\"");
        String report = CompareCommand.report(new ComparisonResult(3, 42, 2, m), List.of("x", "tab\there", "y"), true);
        assertThat(report)
                .isEqualTo("MISMATCH in line 2 (add_special_tokens=true): ids differ at token 4\n"
                        + "  input:      \"tab\\there\"\n"
                        + "  tokensmith: >[4] 10 \"a\"\n"
                        + "  reference:  >[4] 11 \"a\"\n"
                        + "2 of 3 inputs differ\n");
    }
}
