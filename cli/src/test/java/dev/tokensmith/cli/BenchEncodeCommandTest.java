package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench encode} on the CLI's tiny BPE, one round without warm-up: the shape of what it prints. */
class BenchEncodeCommandTest {
    private static final String BPE = Fixtures.tinyBpe().toString();

    @TempDir
    Path dir;

    private Path input() throws IOException {
        return Files.writeString(dir.resolve("in.txt"), "hello world\n\nworld hello\nhello\n\n\nhello hello\n");
    }

    /** One round without warm-up unless {@code extra} says otherwise. */
    private CliRun.Result bench(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("bench", "encode", "-t", BPE, "-i", input().toString()));
        args.addAll(Arrays.asList(extra));
        if (!args.contains("--rounds")) {
            args.addAll(List.of("--rounds", "1"));
        }
        args.addAll(List.of("--warmup", "0"));
        return cli().run(args.toArray(String[]::new));
    }

    /** The lines of the results table: from its header to the blank line before the notes. */
    private static List<String> resultRows(String out) {
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("workload") && l.contains("encoder"))
                .findFirst()
                .orElseThrow());
        int end = lines.subList(header, lines.size()).indexOf("");
        return lines.subList(header, end < 0 ? lines.size() : header + end);
    }

    @Test
    void printsARowPerEncoderWithSpeedRangeAndRatios() throws IOException {
        CliRun.Result r = bench();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("bench encode: " + BPE + ", 1 thread, median of 1 round after 0 warm-up; MB/s = 10^6")
                .contains("\nmachine: ")
                .contains("\nnotes:\n  jtokkit: has only OpenAI's built-in encodings");
        List<String> rows = resultRows(r.out());
        assertThat(rows.getFirst().split("\\s{2,}"))
                .containsExactly("workload", "encoder", "MB/s", "min-max", "vs jtokkit", "vs hf");
        String file = dir.resolve("in.txt").toString();
        assertThat(rows.get(1))
                .matches(file + "\\s+tokensmith encodeIds\\s+[0-9.]+\\s+[0-9.]+-[0-9.]+\\s+-\\s+[0-9.]+x");
        assertThat(rows.get(2))
                .matches(file + "\\s+tokensmith countTokens\\s+[0-9.]+\\s+[0-9.]+-[0-9.]+\\s+-\\s+[0-9.]+x");
        assertThat(rows.get(3))
                .matches(Pattern.quote(file) + "\\s+hf \\(djl, ids only\\)\\s+[0-9.]+\\s+[0-9.]+-[0-9.]+");
        assertThat(rows).hasSize(4);
        // The workloads table: three documents, 11 tokens (a line break is [UNK] in the tiny BPE).
        assertThat(r.out())
                .containsPattern(Pattern.quote(file) + "\\s+blank-line separated documents of " + Pattern.quote(file)
                        + "\\s+3\\s+0.000\\s+11\n");
    }

    @Test
    void linesMakesEachLineAText() throws IOException {
        CliRun.Result r = bench("--lines", "--against", "none");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("lines of \\S+in.txt\\s+4\\s");
        assertThat(resultRows(r.out())).hasSize(3);
    }

    @Test
    void jsonHoldsEverySampleAndTheRatios() throws IOException {
        CliRun.Result r = bench("--json", "--rounds", "2");
        assertThat(r.exitCode()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.get("rounds").asInt()).isEqualTo(2);
        JsonNode w = json.get("workloads").get(0);
        assertThat(w.get("texts").asInt()).isEqualTo(3);
        assertThat(w.get("tokens").asLong()).isEqualTo(11);
        assertThat(w.get("encoders")).hasSize(3);
        JsonNode ours = w.get("encoders").get(0);
        assertThat(ours.get("encoder").asText()).isEqualTo("tokensmith encodeIds");
        assertThat(ours.get("samples")).hasSize(2);
        assertThat(ours.get("vsHf").asDouble()).isPositive();
        assertThat(ours.get("vsJtokkit").isNull()).isTrue();
        assertThat(ours.get("agrees").asBoolean()).isTrue();
        assertThat(w.get("disagreements")).isEmpty();
    }

    @Test
    void aMissingInputFileIsBadInputInOneLine() {
        Path missing = dir.resolve("missing.txt");
        CliRun.Result r = cli().run("bench", "encode", "-t", BPE, "-i", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tokensmith: " + missing + ": no such input file\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anInputWithoutTextIsBadInput() throws IOException {
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n  \n\n");
        CliRun.Result r = cli().run("bench", "encode", "-t", BPE, "-i", blank.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tokensmith: " + blank + ": no text to encode\n");
    }

    @Test
    void anUnknownTokenizerIsBadInput() throws IOException {
        CliRun.Result r =
                cli().run("bench", "encode", "-t", dir.resolve("none.json").toString(), "-i", input().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: ").contains("none.json").hasLineCount(1);
    }

    @Test
    void anUnknownWorkloadIsBadInput() {
        CliRun.Result r = cli().run("bench", "encode", "-t", BPE, "--workload", "poetry");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("tokensmith: unknown workload \"poetry\"")
                .hasLineCount(1);
    }

    @Test
    void aDataDirectoryWithoutCorporaIsBadInput() {
        CliRun.Result r = cli().run("bench", "encode", "-t", BPE, "--workload", "prose", "--data", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tokensmith: " + dir + ": not a data directory (no corpora/ in it)\n");
    }

    @Test
    void inputAndWorkloadExcludeEachOther() throws IOException {
        CliRun.Result r = bench("--workload", "sample");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: give either --input or --workload\n");
    }

    @Test
    void roundsMustBePositive() throws IOException {
        CliRun.Result r = bench("--rounds", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: --threads, --rounds and --bytes must be at least 1");
    }

    @Test
    void anUnknownLibraryIsAUsageError() throws IOException {
        CliRun.Result r = bench("--against", "tiktoken");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: unknown library for --against: tiktoken");
    }

    @Test
    void benchWithoutASubcommandIsAUsageError() {
        CliRun.Result r = cli().run("bench");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: missing command (try 'bench encode')");
    }

    @Test
    void severalThreadsMeasureBatchesBesideOneThreadAndReportTheScaling() throws IOException {
        CliRun.Result r = bench("--threads", "2", "--against", "none");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(", 2 threads (batch throughput),")
                .contains("tokensmith encodeIds 1 thread")
                .containsPattern("tokensmith encodeIds on 2 threads runs [0-9.]+x as fast as on 1 thread");
    }
}
