package dev.tokensmith.corpora.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.train.PreTokenCounts;
import dev.tokensmith.core.train.PreTokenCountsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkCountMainTest {
    @TempDir
    Path dir;

    @Test
    void countsACorpusIntoACountsFile() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "Hello world\n\nHello\tthere\n");
        Path out = dir.resolve("counts.bin");

        SparkCountMain.Args args = SparkCountMain.Args.parse(new String[] {
            "--corpus", corpus.toString(), "--tokenizer-template", "byte-level", "--out", out.toString()
        });
        assertThat(SparkCountMain.run(args, LocalSpark.context())).isEqualTo(4);

        // GPT-2's pipeline: byte-level characters (space → Ġ, tab → ĉ), sorted by code point.
        PreTokenCounts counts = PreTokenCountsFile.read(out);
        assertThat(counts)
                .isEqualTo(PreTokenCounts.builder()
                        .add("Hello", 2)
                        .add("there", 1)
                        .add("ĉ", 1)
                        .add("Ġworld", 1)
                        .build());
        assertThat(PreTokenCountsFile.metadata(out).template()).isEqualTo("byte-level");
        assertThat(listing(dir)).containsExactlyInAnyOrder("corpus", "counts.bin");
    }

    @Test
    void parsesSeveralCorpusPathsAndTheOptions() {
        SparkCountMain.Args a = SparkCountMain.Args.parse(new String[] {
            "--corpus",
            "a.txt",
            "b/*.xz",
            "--tokenizer",
            "t.json",
            "--out",
            "c.bin",
            "--split-mb",
            "32",
            "--partitions",
            "8"
        });
        assertThat(a.corpus()).containsExactly("a.txt", "b/*.xz");
        assertThat(a.tokenizer()).isEqualTo(Path.of("t.json"));
        assertThat(a.template()).isNull();
        assertThat(a.master()).isNull();
        assertThat(a.splitMb()).isEqualTo(32);
        assertThat(a.partitions()).isEqualTo(8);
    }

    @Test
    void rejectsIncompleteOrAmbiguousCommandLines() {
        assertThatThrownBy(
                        () -> SparkCountMain.Args.parse(new String[] {"--tokenizer-template", "llama3", "--out", "c"}))
                .hasMessage("--corpus is required");
        assertThatThrownBy(() -> SparkCountMain.Args.parse(new String[] {
                    "--corpus", "a", "--tokenizer-template", "llama3", "--tokenizer", "t", "--out", "c"
                }))
                .hasMessage("give exactly one of --tokenizer-template and --tokenizer");
        assertThatThrownBy(() -> SparkCountMain.Args.parse(new String[] {"--corpus", "a", "--tokenizer-template"}))
                .hasMessage("--tokenizer-template needs a value");
        assertThatThrownBy(() -> SparkCountMain.Args.parse(
                        new String[] {"--corpus", "a", "--tokenizer-template", "x", "--out", "c", "--split-mb", "0"}))
                .hasMessage("--split-mb must be a positive integer, got \"0\"");
    }

    @Test
    void anUnknownTemplateNamesTheKnownOnes() {
        assertThatThrownBy(() -> PreTokenPipeline.template("wordpiece"))
                .hasMessageStartingWith("unknown tokenizer template 'wordpiece'; known: byte-level, llama3");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
