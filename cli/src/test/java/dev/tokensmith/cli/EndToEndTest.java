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

/**
 * The commands on real (tiny) tokenizers, in-process. The expected ids and texts are HF's own answers on the same
 * files ({@code compare.DjlTokenizerTest} checks them against HF tokenizers through DJL).
 *
 * <p>Waits for the component codecs: move this file to {@code src/test/java} when they are merged. {@link
 * Fixtures#tinyBpe()} needs the BPE model codec ({@code ModelJson}); {@link Fixtures#tinyBpeTemplate()} also
 * TemplateProcessing ({@code ProcessorJson}) and Fuse ({@code DecoderJson}).
 */
class EndToEndTest {
    private static final String BPE = Fixtures.tinyBpe().toString();
    private static final String TEMPLATE = Fixtures.tinyBpeTemplate().toString();

    @TempDir
    Path dir;

    @Test
    void encodePrintsIdsSeparatedBySpaces() {
        CliRun.Result r = cli().stdin("hello world hello").run("encode", "-t", BPE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("15 7 19 7 15\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void encodeIgnoresTheTruncationAndPaddingTheFileDeclares() {
        // The file truncates to 2 tokens and pads to 8.
        assertThat(cli().stdin("hello world").run("encode", "-t", BPE).out()).isEqualTo("15 7 19\n");
    }

    @Test
    void encodeAddsNoSpecialTokensUnlessAsked() {
        assertThat(cli().stdin("hello").run("encode", "-t", TEMPLATE).out()).isEqualTo("15\n");
        assertThat(cli().stdin("hello")
                        .run("encode", "-t", TEMPLATE, "--add-special-tokens")
                        .out())
                .isEqualTo("1 15 2\n");
    }

    @Test
    void encodeReadsAnInputFile() throws IOException {
        Path input = Files.writeString(dir.resolve("in.txt"), "hex");
        assertThat(cli().run("encode", "-t", BPE, "-i", input.toString()).out()).isEqualTo("12 0\n");
    }

    @Test
    void emptyInputIsAnEmptyLineOfIds() {
        assertThat(cli().stdin("").run("encode", "-t", BPE).out()).isEqualTo("\n");
    }

    @Test
    void linesAreEncodedAloneOneJsonArrayPerLine() {
        CliRun.Result r = cli().stdin("hello world\nhex\n\nhello").run("encode", "-t", BPE, "--lines");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("[15,7,19]\n[12,0]\n[]\n[15]\n");
    }

    @Test
    void linesKeepTheCarriageReturn() {
        // "\r" is token 11; "\n" is unknown to this tokenizer, so a split on "\r\n" would show.
        assertThat(cli().stdin("hello\r\nhe\r\n")
                        .run("encode", "-t", BPE, "--lines")
                        .out())
                .isEqualTo("[15,11]\n[12,11]\n");
    }

    @Test
    void aFinalNewlineStartsNoEmptyLine() {
        assertThat(cli().stdin("hello\n").run("encode", "-t", BPE, "--lines").out())
                .isEqualTo("[15]\n");
        assertThat(cli().stdin("").run("encode", "-t", BPE, "--lines").out()).isEmpty();
    }

    @Test
    void linesGetSpecialTokensOnlyWhenAsked() {
        assertThat(cli().stdin("hello\nhex")
                        .run("encode", "-t", TEMPLATE, "--lines", "--add-special-tokens")
                        .out())
                .isEqualTo("[1,15,2]\n[1,12,0,2]\n");
    }

    @Test
    void countIsTheTotalNumberOfTokens() {
        assertThat(cli().stdin("hello world hello")
                        .run("encode", "-t", BPE, "--format", "count")
                        .out())
                .isEqualTo("5\n");
        assertThat(cli().stdin("hello world\nhello\n")
                        .run("encode", "-t", BPE, "--lines", "-f", "count")
                        .out())
                .isEqualTo("4\n");
        assertThat(cli().stdin("hello")
                        .run("encode", "-t", TEMPLATE, "-f", "count", "--add-special-tokens")
                        .out())
                .isEqualTo("3\n");
    }

    @Test
    void tokensAreAJsonArray() {
        assertThat(cli().stdin("hello world")
                        .run("encode", "-t", BPE, "-f", "tokens")
                        .out())
                .isEqualTo("[\"hello\",\" \",\"world\"]\n");
    }

    @Test
    void jsonHasIdsTokensAndOffsets() {
        assertThat(cli().stdin("hello\r").run("encode", "-t", BPE, "-f", "json").out())
                .isEqualTo("{\"ids\":[15,11],\"tokens\":[\"hello\",\"\\r\"],\"offsets\":[[0,5],[5,6]]}\n");
    }

    @Test
    void decodePrintsTheTextWithoutAddingANewline() {
        CliRun.Result r = cli().stdin("[1, 15, 7, 19, 2]").run("decode", "-t", TEMPLATE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("<s>hello world</s>");
    }

    @Test
    void decodeCanSkipSpecialTokens() {
        assertThat(cli().stdin("1 15 7 19 2")
                        .run("decode", "-t", TEMPLATE, "--skip-special-tokens")
                        .out())
                .isEqualTo("hello world");
    }

    @Test
    void decodeWithoutADecoderJoinsTokensWithSpacesAsHfDoes() {
        assertThat(cli().stdin("15 7 19").run("decode", "-t", BPE).out()).isEqualTo("hello   world");
    }

    @Test
    void decodeLinesUndoesEncodeLines() {
        String text = "hello world\nhe\n\nhello\n";
        String ids = cli().stdin(text).run("encode", "-t", TEMPLATE, "--lines").out();
        assertThat(cli().stdin(ids).run("decode", "-t", TEMPLATE, "--lines").out())
                .isEqualTo(text);
    }

    @Test
    void inspectDescribesModelStagesAndSpecialTokens() {
        CliRun.Result r = cli().run("inspect", "-t", TEMPLATE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("model           BPE\n")
                .contains("vocab size      20 (20 with added tokens)\n")
                .contains("merges          8\n")
                .contains("normalizer      none\n")
                .contains("post-processor  TemplateProcessing\n")
                .contains("decoder         Fuse\n")
                .contains("special tokens  1 \"<s>\"\n                2 \"</s>\"\n")
                .contains("truncation      direction=\"Right\", max_length=2");
    }

    @Test
    void inspectJsonIsMachineReadable() throws IOException {
        JsonNode report =
                Json.MAPPER.readTree(cli().run("inspect", "-t", BPE, "--json").out());
        assertThat(report.at("/model/type").asText()).isEqualTo("BPE");
        assertThat(report.at("/model/merges").asInt()).isEqualTo(8);
        assertThat(report.at("/model/settings/unk_token").asText()).isEqualTo("[UNK]");
        assertThat(report.get("special_tokens")).hasSize(2);
        assertThat(report.at("/padding/strategy/Fixed").asInt()).isEqualTo(8);
    }

    @Test
    void convertWritesATokenizerJsonThatEncodesAlike() {
        Path out = dir.resolve("sub/tokenizer.json");
        CliRun.Result r = cli().run("convert", "--from", TEMPLATE, "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).startsWith("tokensmith: wrote " + out);
        assertThat(cli().stdin("hello world")
                        .run("encode", "-t", out.toString(), "--add-special-tokens")
                        .out())
                .isEqualTo("1 15 7 19 2\n");
    }

    @Test
    void compareFindsTokensmithAndHfAgree() {
        CliRun.Result r = cli().stdin("hello world\r\nhex\n\nwor ld\n").run("compare", "-t", TEMPLATE, "--lines");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("Differential check: tokensmith vs HF tokenizers ")
                .contains("inputs 4 (")
                .contains("mismatches: 0\n")
                .doesNotContain("MISMATCH");
    }
}
