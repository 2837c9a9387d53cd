package dev.tokensmith.corpora.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.train.PreTokenCounts;
import dev.tokensmith.core.train.TrainingTemplate;
import dev.tokensmith.corpora.Corpora;
import dev.tokensmith.corpora.count.PreTokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * The Spark job in local mode counts exactly what the in-process counter ({@link PreTokenCounter}) counts over the
 * same files as the corpora module reads them.
 */
class SparkPreTokenCountingTest {
    /** A prefix of each (up to the last blank line before it): several scripts, and some source code. */
    private static final int PREFIX_BYTES = 160_000;

    private static final Path LLAMA3 =
            Path.of(System.getProperty("tokensmith.cache", ".cache"), "tokenizers", "llama3.json");

    private static final String[] PLAIN = {"nl/en", "nl/ru", "nl/ja", "nl/zh-cn", "nl/el", "code/python"};
    private static final String GZIPPED = "nl/de";
    private static final String XZ = "nl/ar";

    @TempDir
    static Path dir;

    private static JavaSparkContext sc;
    private static Tokenizer llama3;
    private static List<String> corpus;

    @BeforeAll
    static void setUp() throws IOException {
        Path data =
                Path.of(System.getProperty("tokensmith.data", "../shared/data")).resolve("corpora");
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException("test data missing: " + data.toAbsolutePath()
                    + " (set -Dtokensmith.data to the shared data folder; see its README.md)");
        }
        corpus = new ArrayList<>();
        for (String name : PLAIN) {
            String text = prefix(xzText(data.resolve(name + ".txt.xz")));
            Path file = dir.resolve(name.replace('/', '-') + ".txt");
            Files.writeString(file, text);
        }
        corpus.add(dir.resolve("*.txt").toString());
        String german = prefix(xzText(data.resolve(GZIPPED + ".txt.xz")));
        Path gz = dir.resolve("gz").resolve("de.txt.gz");
        Files.createDirectories(gz.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(german.getBytes(StandardCharsets.UTF_8));
        }
        corpus.add(gz.getParent().toString());
        String arabic = prefix(xzText(data.resolve(XZ + ".txt.xz")));
        Path xz = dir.resolve("ar.txt.xz");
        try (OutputStream out = new XZOutputStream(Files.newOutputStream(xz), new LZMA2Options())) {
            out.write(arabic.getBytes(StandardCharsets.UTF_8));
        }
        corpus.add(xz.toString());

        sc = LocalSpark.context();
    }

    /** Small splits and a small flush threshold, so that byte ranges, flushes and both shuffles all do work. */
    private static final SparkPreTokenCounting.Options SMALL = SparkPreTokenCounting.Options.defaults()
            .withSplitBytes(100_000)
            .withPartitions(3)
            .withFlushEntries(4_000);

    @Test
    void byteLevelTemplateCountsWhatTheInProcessCounterCounts() throws IOException {
        // Small byte ranges, three partitions and frequent flushes: every way of cutting the work does some.
        PreTokenCounts spark = SparkPreTokenCounting.count(sc, corpus, PreTokenPipeline.template("byte-level"), SMALL);
        TrainingTemplate t = TrainingTemplate.BYTE_LEVEL;
        PreTokenCounts inProcess =
                inProcess(PreTokenCounter.builder(t.normalizer().orElse(null), t.preTokenizer()));
        assertThat(spark.size()).isGreaterThan(20_000);
        assertEqual(spark, inProcess);
        // And what a naive count with GPT-2's own encoding (r50k_base: same regex, byte-level) gives.
        assertEqual(spark, naiveCounts(Tokenizers.builtin("r50k_base")));
    }

    @Test
    void llama3TokenizerFileCountsWhatTheInProcessCounterCounts() throws IOException {
        // Default options: each file is one split.
        PreTokenCounts spark = SparkPreTokenCounting.count(sc, corpus, PreTokenPipeline.fromFile(LLAMA3));
        Tokenizer llama3 = llama3();
        PreTokenCounts inProcess = inProcess(PreTokenCounter.builder(
                llama3.normalizer().orElse(null), llama3.preTokenizer().orElse(null)));
        assertEqual(spark, inProcess);
    }

    @Test
    void theLlama3TemplateIsLlama3sPipeline() {
        assertThat(PreTokenPipeline.template("llama3").json())
                .isEqualTo(PreTokenPipeline.of("llama3.json", llama3()).json());
    }

    @Test
    void aPathThatMatchesNothingIsNamed() {
        String missing = dir.resolve("nothing-*.txt").toString();
        assertThatThrownBy(() -> SparkPreTokenCounting.count(sc, List.of(missing), PreTokenPipeline.template("llama3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": no such file or directory (or the glob matches nothing)");
    }

    @Test
    void invalidUtf8FailsTheJobNamingTheFileAndLeavesNoCountsFile() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad")).resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', '\n', '\n', 'b', 'a', (byte) 0xC3, 'd', '\n'});
        Path out = dir.resolve("bad-counts.tsv");
        assertThatThrownBy(() -> SparkPreTokenCounting.countToFile(
                        sc,
                        List.of(bad.toString()),
                        PreTokenPipeline.template("byte-level"),
                        SparkPreTokenCounting.Options.defaults(),
                        out))
                .hasMessageContaining(bad.toUri().getPath() + ": invalid UTF-8 in the document starting at byte 4");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("bad")).isDirectoryNotContaining("glob:**.tmp");
    }

    /** Llama 3's tokenizer, loaded once (a 9 MB file). */
    private static synchronized Tokenizer llama3() {
        if (llama3 == null) {
            llama3 = Tokenizers.fromFile(LLAMA3);
        }
        return llama3;
    }

    private static void assertEqual(PreTokenCounts actual, PreTokenCounts expected) {
        assertThat(actual.total()).isEqualTo(expected.total());
        assertThat(actual.size()).isEqualTo(expected.size());
        // Equal as a whole, but on a mismatch name the first differing entry rather than print 100k entries.
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.token(i) + " " + actual.count(i))
                    .as("entry %d", i)
                    .isEqualTo(expected.token(i) + " " + expected.count(i));
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** The in-process counter over the same paths, read by the corpora module. */
    private static PreTokenCounts inProcess(PreTokenCounter.Builder counter) throws IOException {
        try (Stream<String> docs = Corpora.open(corpus.toArray(String[]::new)).documents()) {
            return counter.threads(2).build().count(docs);
        }
    }

    /** Each document pre-tokenized by the whole tokenizer, pre-tokens tallied in a hash map. */
    private static PreTokenCounts naiveCounts(Tokenizer tokenizer) {
        Map<String, Long> counts = new HashMap<>();
        try (Stream<String> docs = Corpora.open(corpus.toArray(String[]::new)).documents()) {
            docs.forEach(doc -> {
                for (PreTokenizedString.Split s : tokenizer.preTokenize(doc)) {
                    counts.merge(s.normalized().get(), 1L, Long::sum);
                }
            });
        }
        PreTokenCounts.Builder b = PreTokenCounts.builder();
        counts.forEach(b::add);
        return b.build();
    }

    private static String xzText(Path file) throws IOException {
        try (InputStream in = new XZInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String prefix(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= PREFIX_BYTES) {
            return text;
        }
        String head = new String(bytes, 0, PREFIX_BYTES, StandardCharsets.UTF_8);
        return head.substring(0, head.lastIndexOf("\n\n") + 1);
    }
}
