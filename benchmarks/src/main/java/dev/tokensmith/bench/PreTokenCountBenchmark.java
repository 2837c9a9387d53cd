package dev.tokensmith.bench;

import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.train.PreTokenCounts;
import dev.tokensmith.corpora.count.PreTokenCounter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tukaani.xz.XZInputStream;

/**
 * Pre-token counting ({@link PreTokenCounter}) on real text: one operation counts the whole text into memory
 * (splitting, hashing, and the final sort and merge). Text: the first {@code bench.mbEach} MB (default 1) of
 * each of {@code nl/en nl/de nl/ru nl/ar nl/ja code/python code/c code/makefile}, cut into documents at blank
 * lines, from the shared corpora in {@code bench.data} (default {@code ../shared/data}). The secondary result
 * {@code mb} is MB (10^6 bytes of UTF-8 input) counted per second. Pipelines: {@code gpt2} (ByteLevel, fast
 * path), {@code gpt2-general} (the same through the general NormalizedString pipeline), {@code llama3} (its
 * tokenizer.json stages from {@code tokensmith.cache}, fast path). Run with {@code java -cp
 * "benchmarks/target/benchmarks-*.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main PreTokenCountBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g"})
public class PreTokenCountBenchmark {
    private static final List<String> FILES =
            List.of("nl/en", "nl/de", "nl/ru", "nl/ar", "nl/ja", "code/python", "code/c", "code/makefile");

    @Param({"gpt2", "gpt2-general", "llama3"})
    public String pipeline;

    @Param({"1", "2"})
    public int threads;

    private List<String> documents;
    private double megabytes;
    private PreTokenCounter counter;

    @Setup
    public void setUp() throws IOException {
        Path corpora = Path.of(System.getProperty("bench.data", "../shared/data"), "corpora");
        int bytesEach = (int) (Double.parseDouble(System.getProperty("bench.mbEach", "1")) * 1_000_000);
        documents = new ArrayList<>();
        long bytes = 0;
        for (String f : FILES) {
            try (InputStream in = new XZInputStream(
                    new BufferedInputStream(Files.newInputStream(corpora.resolve(f + ".txt.xz")), 1 << 16))) {
                String text = new String(in.readNBytes(bytesEach), StandardCharsets.UTF_8);
                text = text.substring(0, text.lastIndexOf('\n') + 1);
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
                for (String d : text.split("\n\n")) {
                    documents.add(d + "\n");
                }
            }
        }
        megabytes = bytes / 1e6;
        PreTokenCounter.Builder b = switch (pipeline) {
            case "gpt2" -> PreTokenCounter.builder(null, gpt2());
            case "gpt2-general" -> PreTokenCounter.builder(null, gpt2()).generalPathOnly();
            case "llama3" -> {
                var llama3 = Tokenizers.fromFile(
                        Path.of(System.getProperty("tokensmith.cache", ".cache"), "tokenizers", "llama3.json"));
                yield PreTokenCounter.builder(
                        llama3.normalizer().orElse(null), llama3.preTokenizer().orElseThrow());
            }
            default -> throw new IllegalArgumentException(pipeline);
        };
        counter = b.threads(threads).build();
        System.out.printf(
                "%n%s, %d threads: %d documents, %.2f MB, fast path %s%n",
                pipeline, threads, documents.size(), megabytes, counter.usesFastPath());
    }

    List<String> documents() {
        return documents;
    }

    double megabytes() {
        return megabytes;
    }

    private static PreTokenizer gpt2() {
        return new ByteLevel(false, true, true);
    }

    @Benchmark
    public int count(Throughput t) throws IOException {
        PreTokenCounts counts = counter.count(documents);
        t.mb += megabytes;
        return counts.size();
    }
}
