package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheReportAsText() {
        CliRun.Result r = cli().run("align", "--from", "r50k_base", "--to", "cl100k_base");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out())
                .contains("from           r50k_base\n")
                .contains("to             cl100k_base\n")
                .contains("  numbers      groups of up to 3, left to right (1234567 → 123|456|7)\n")
                .contains("tokens by class")
                .contains("  Latin word ")
                .contains("numbers are cut differently");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void printsTheReportAsJsonWithEveryRowAndRole() throws IOException {
        CliRun.Result r = cli().run(
                        "align",
                        "--from",
                        "r50k_base",
                        "--to",
                        "cl100k_base",
                        "--json",
                        "--special",
                        "to.pad=<|fim_prefix|>");
        assertThat(r.exitCode()).isEqualTo(0);
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.get("to").get("numbers").get("kind").asText()).isEqualTo("fixed_groups");
        assertThat(json.get("to").get("roles").get("pad").asText()).isEqualTo("<|fim_prefix|>");
        assertThat(json.get("shared").asInt() + json.get("new").asInt()).isEqualTo(100_261);
        assertThat(json.get("specials")).hasSize(5);
        assertThat(json.get("classes").get("latin_word").get("shared").asInt()).isGreaterThan(30_000);
    }

    @Test
    void aSpecialNamingNoTokenIsBadInput() {
        CliRun.Result r = cli().run("align", "--from", "r50k_base", "--to", "p50k_base", "--special", "pad=<pad>");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tokensmith: --special pad=<pad>: neither tokenizer has the token <pad>\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aSpecialOnASideWithoutTheTokenIsBadInput() {
        CliRun.Result r = cli().run(
                        "align", "--from", "r50k_base", "--to", "cl100k_base", "--special", "from.pad=<|fim_prefix|>");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("tokensmith: --special from.pad=<|fim_prefix|>: the from tokenizer has no token"
                        + " <|fim_prefix|>\n");
    }

    @Test
    void anUnknownRoleIsBadInput() {
        CliRun.Result r = cli().run("align", "--from", "r50k_base", "--to", "p50k_base", "--special", "start=!");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: --special start=!: unknown special-token role \"start\"");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void aBadTokenizerFileIsBadInput() throws IOException {
        Path bad = Files.writeString(dir.resolve("tokenizer.json"), "{\"version\": \"1.0\"}");
        CliRun.Result r = cli().run("align", "--from", bad.toString(), "--to", "r50k_base");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tokensmith: " + bad + ": at $.model: missing required field\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void bothTokenizersAreRequired() {
        CliRun.Result r = cli().run("align", "--from", "r50k_base");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: Missing required option: '--to=TOKENIZER'");
    }
}
