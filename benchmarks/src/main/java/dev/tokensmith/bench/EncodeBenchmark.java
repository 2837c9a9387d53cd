package dev.tokensmith.bench;

import dev.tokensmith.cli.bench.Workload;
import dev.tokensmith.core.Tokenizer;
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

/**
 * Tokensmith, single-thread: {@code encodeIds} and {@code countTokens} over every text of a workload (one
 * operation = the whole workload; the {@code mb} result is MB/s). {@link JtokkitEncodeBenchmark} and {@link
 * HfEncodeBenchmark} measure the others on the same parameters. Inputs: see {@link BenchInputs}. Run with {@code
 * java -Dtokensmith.data=DIR -Dtokensmith.cache=.cache -cp "benchmarks/target/benchmarks-*.jar:benchmarks/target/lib/*"
 * org.openjdk.jmh.Main 'EncodeBenchmark'} (the regex also matches the other two classes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EncodeBenchmark {
    @Param({"cl100k_base", "o200k_base", "r50k_base", "llama3"})
    public String tokenizer;

    @Param({"prose", "multilingual", "code", "repeat-char", "long-word", "whitespace", "random-utf8"})
    public String workload;

    private List<String> texts;
    private double megabytes;
    private Tokenizer tokensmith;

    @Setup
    public void setUp() {
        Workload w = BenchInputs.workload(workload);
        texts = w.texts();
        megabytes = w.bytes() / 1e6;
        tokensmith = BenchInputs.tokensmith(tokenizer);
    }

    @Benchmark
    public long encodeIds(Throughput throughput) {
        long tokens = 0;
        for (String t : texts) {
            tokens += tokensmith.encodeIds(t, false).length;
        }
        throughput.mb += megabytes;
        return tokens;
    }

    @Benchmark
    public long countTokens(Throughput throughput) {
        long tokens = 0;
        for (String t : texts) {
            tokens += tokensmith.countTokens(t);
        }
        throughput.mb += megabytes;
        return tokens;
    }
}
