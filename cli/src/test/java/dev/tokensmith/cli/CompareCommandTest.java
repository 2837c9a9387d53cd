package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.cli.compare.ReferenceLoader;
import dev.tokensmith.cli.compare.ReferenceUnavailableException;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.diff.ReferenceTokenizer;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} over the CLI's tiny tokenizers. Mismatches come from a reference that loads another file than
 * ours: HF (through DJL) on a variant of the file, or on the file with a template post-processor.
 */
class CompareCommandTest {
    private static final String BPE = Fixtures.tinyBpe().toString();

    @TempDir
    Path dir;

    /** HF through DJL on {@code file}, whatever file the command was given. */
    private static ReferenceLoader hfOn(Path file) {
        return ignored -> ReferenceLoader.djl().open(file);
    }

    /** The tiny BPE with the ids of "hell" (14) and "hello" (15) swapped. */
    private Path swappedHello() throws IOException {
        String json = Files.readString(Fixtures.tinyBpe())
                .replace("\"hell\": 14, \"hello\": 15", "\"hell\": 15, \"hello\": 14");
        assertThat(json).contains("\"hell\": 15, \"hello\": 14");
        return Files.writeString(dir.resolve("swapped.json"), json);
    }

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
    void agreementPrintsAnOkReportPerCheckAndExitsZero() {
        CliRun.Result r = cli().stdin("hello world").run("compare", "-t", BPE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("Differential check: tokensmith vs HF tokenizers ")
                .contains("(DJL) — OK\n  inputs 1 (11 chars), tokens 3 (ours 3)\n")
                .contains("; addSpecialTokens=false\n")
                .contains("; addSpecialTokens=true\n")
                .doesNotContain("MISMATCH");
        assertThat(r.out().split("— OK", -1)).hasSize(3);
    }

    @Test
    void aDifferentIdMakesTheCommandExitOneAndShowsTheFirstMismatch() throws IOException {
        CliRun.Result r =
                cli().stdin("hello world").references(hfOn(swappedHello())).run("compare", "-t", BPE);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("— MISMATCH\n")
                .contains("mismatches: 1 (ID 1)")
                .contains("First ID mismatch in input #0 [<stdin>], 11 chars, at token 0")
                .contains("ours      tokens 0..3: [15:'hello'] 7:' ' 19:'world'")
                .contains("reference tokens 0..3: [14:'hello'] 7:' ' 19:'world'");
    }

    @Test
    void withLinesEachLineIsAnInputLabeledWithItsNumber() throws IOException {
        CliRun.Result r = cli().stdin("world\nhello\nhello world\n")
                .references(hfOn(swappedHello()))
                .run("compare", "-t", BPE, "--lines");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains("inputs 3 (21 chars)")
                .contains("mismatches: 2 (ID 2)")
                .contains("First ID mismatch in input #1 [<stdin>:2], 5 chars, at token 0");
    }

    @Test
    void aMismatchOnlyWithSpecialTokensIsFoundByTheSecondCheck() {
        // The reference's file adds <s> ... </s>; ours adds nothing.
        CliRun.Result r = cli().stdin("hello")
                .references(hfOn(Fixtures.tinyBpeTemplate()))
                .run("compare", "-t", BPE);
        assertThat(r.exitCode()).isEqualTo(1);
        String[] reports = r.out().split("\n\n");
        assertThat(reports).hasSize(2);
        assertThat(reports[0]).contains("— OK").contains("addSpecialTokens=false");
        assertThat(reports[1])
                .contains("— MISMATCH")
                .contains("addSpecialTokens=true")
                .contains("ID mismatch in input #0 [<stdin>], 5 chars, at token 0 (ours 1 tokens, reference 3)");
    }

    @Test
    void jsonHoldsEveryCheckAndWhetherAllPassed() throws IOException {
        CliRun.Result r =
                cli().stdin("hello world").references(hfOn(swappedHello())).run("compare", "-t", BPE, "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).endsWith("}\n").hasLineCount(1);
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("checks")).hasSize(2);
        JsonNode first = json.get("checks").get(0);
        assertThat(first.get("ours").asText()).isEqualTo("tokensmith");
        assertThat(first.get("options").get("addSpecialTokens").asBoolean()).isFalse();
        assertThat(first.get("mismatches").asLong()).isEqualTo(1);
        assertThat(first.get("firstMismatch").get("kind").asText()).isEqualTo("ID");
        assertThat(first.get("firstMismatch").get("oursIds").get(0).asInt()).isEqualTo(15);
        assertThat(first.get("firstMismatch").get("referenceIds").get(0).asInt())
                .isEqualTo(14);
        assertThat(json.get("checks")
                        .get(1)
                        .get("options")
                        .get("addSpecialTokens")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void jsonOfAnAgreementPasses() throws IOException {
        CliRun.Result r = cli().stdin("hello").run("compare", "-t", BPE, "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("checks").get(0).get("firstMismatch").isNull()).isTrue();
    }

    @Test
    void theReferenceIsClosedAfterTheChecks() {
        class Closing implements ReferenceTokenizer, AutoCloseable {
            private final ReferenceTokenizer same = ReferenceTokenizer.of(
                    "same", Tokenizers.fromFile(Fixtures.tinyBpe()).withoutTruncationOrPadding());
            boolean closed;

            @Override
            public String name() {
                return same.name();
            }

            @Override
            public Encoded encode(String text, boolean addSpecialTokens) {
                return same.encode(text, addSpecialTokens);
            }

            @Override
            public String decode(int[] ids, boolean skipSpecialTokens) {
                return same.decode(ids, skipSpecialTokens);
            }

            @Override
            public void close() {
                closed = true;
            }
        }
        Closing reference = new Closing();
        CliRun.Result r = cli().stdin("hello").references(file -> reference).run("compare", "-t", BPE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Differential check: tokensmith vs same — OK");
        assertThat(reference.closed).isTrue();
    }
}
