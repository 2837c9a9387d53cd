package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    private Path corpus;

    @BeforeEach
    void corpus() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("The quick brown fox jumps over the lazy dog ")
                    .append(i)
                    .append(".\n");
            text.append("Der schnelle braune Fuchs springt über den faulen Hund.\n\n");
        }
        corpus = Files.writeString(dir.resolve("corpus.txt"), text.toString());
    }

    @Test
    void trainsATokenizerThatLoadsAndRecordsItsProvenance() throws IOException {
        Path out = dir.resolve("tok/tokenizer.json");
        CliRun.Result r = cli().run(
                        "train",
                        "--corpus",
                        corpus.toString(),
                        "--vocab-size",
                        "300",
                        "--out",
                        out.toString(),
                        "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode summary = Json.MAPPER.readTree(r.out());
        assertThat(summary.get("vocab_size").asInt()).isEqualTo(300);
        Tokenizer t = Tokenizers.fromFile(out);
        assertThat(t.decode(t.encodeIds("The quick brown fox", false), false)).isEqualTo("The quick brown fox");
        assertThat(t.encodeIds(" quick brown fox jumps", false).length)
                .isLessThan(" quick brown fox jumps".length() / 2);
        JsonNode provenance = Json.MAPPER.readTree(
                dir.resolve("tok/tokenizer.provenance.json").toFile());
        assertThat(provenance.get("inputs").get(0).get("sha256").asText()).hasSize(64);
        assertThat(provenance.get("configuration").get("vocab_size").asInt()).isEqualTo(300);
    }

    @Test
    void countsFilesTrainTheSameTokenizerAsTheCorpus() throws IOException {
        Path counts = dir.resolve("counts.bin");
        assertThat(cli().run(
                                "count",
                                "--corpus",
                                corpus.toString(),
                                "--tokenizer-template",
                                "char-level",
                                "--out",
                                counts.toString())
                        .exitCode())
                .isZero();
        Path fromCounts = dir.resolve("a.json");
        Path fromCorpus = dir.resolve("b.json");
        assertThat(cli().run(
                                "train",
                                "--counts",
                                counts.toString(),
                                "--mode",
                                "char-level",
                                "--vocab-size",
                                "400",
                                "--out",
                                fromCounts.toString())
                        .exitCode())
                .isZero();
        assertThat(cli().run(
                                "train",
                                "--corpus",
                                corpus.toString(),
                                "--mode",
                                "char-level",
                                "--vocab-size",
                                "400",
                                "--out",
                                fromCorpus.toString())
                        .exitCode())
                .isZero();

        assertThat(Files.readString(fromCounts)).isEqualTo(Files.readString(fromCorpus));
        Tokenizer t = Tokenizers.fromFile(fromCounts);
        assertThat(t.model().vocab().keySet())
                .filteredOn(tok -> !t.isSpecialToken(tok))
                .allSatisfy(tok -> assertThat(tok.length()).isLessThanOrEqualTo(3));
    }

    @Test
    void padsTheVocabularyToAMultiple() throws IOException {
        Path out = dir.resolve("tokenizer.json");
        CliRun.Result r = cli().run(
                        "train",
                        "--corpus",
                        corpus.toString(),
                        "--vocab-size",
                        "300",
                        "--pad-to",
                        "multiple:128",
                        "--out",
                        out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Tokenizers.fromFile(out).vocabSize(true)).isEqualTo(384);
    }

    @Test
    void invalidUtf8IsBadInputAndWritesNothing() throws IOException {
        Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {'a', 'b', (byte) 0xC3, '\n'});
        Path out = dir.resolve("tokenizer.json");
        CliRun.Result r =
                cli().run("train", "--corpus", bad.toString(), "--vocab-size", "300", "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: ").contains(bad.toString());
        assertThat(r.err().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void countsOfAnotherTemplateAreRefused() throws IOException {
        Path counts = dir.resolve("counts.bin");
        cli().run("count", "--corpus", corpus.toString(), "--tokenizer-template", "llama3", "--out", counts.toString());
        Path out = dir.resolve("tokenizer.json");
        CliRun.Result r =
                cli().run("train", "--counts", counts.toString(), "--vocab-size", "300", "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("counted with template 'llama3'");
        assertThat(out).doesNotExist();
    }

    @Test
    void corruptCountsFileIsBadInput() throws IOException {
        Path counts = Files.writeString(dir.resolve("counts.bin"), "not a counts file");
        CliRun.Result r = cli().run(
                        "train",
                        "--counts",
                        counts.toString(),
                        "--vocab-size",
                        "300",
                        "--out",
                        dir.resolve("t.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(counts.toString());
    }

    @Test
    void missingCorpusIsBadInput() {
        CliRun.Result r = cli().run(
                        "count",
                        "--corpus",
                        dir.resolve("nope.txt").toString(),
                        "--out",
                        dir.resolve("c.bin").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nope.txt");
    }
}
