package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensmithCommandTest {
    @Test
    void versionNamesTokensmithAndJava() {
        CliRun.Result r = cli().run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("tokensmith ").contains("Java ");
        assertThat(r.out()).doesNotContain("unknown");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun.Result r = cli().run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("encode", "decode", "inspect", "convert", "compare", "quickstart", "bench")
                .contains("Exit codes:");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun.Result r = cli().run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: missing command");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageErrorInOneLinePlusAHint() {
        CliRun.Result r = cli().run("encode", "--bogus", "-t", "x.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("tokensmith: Unknown option: '--bogus'\ntokensmith: see 'tokensmith encode --help'\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        CliRun.Result r = cli().run("encode");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--tokenizer");
    }

    @Test
    void unknownFormatIsAUsageError() {
        CliRun.Result r = cli().run("encode", "-t", "x.json", "--format", "xml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("xml").contains("ids, tokens, json, count");
    }

    @Test
    void encodeHelpSaysTruncationAndPaddingAreNotApplied() {
        CliRun.Result r = cli().run("encode", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Truncation and padding that the tokenizer file declares are NOT applied");
    }
}
