package dev.tokensmith.bench;

import dev.tokensmith.cli.bench.BenchEncoder;
import dev.tokensmith.cli.bench.BenchEncoder.Library;
import dev.tokensmith.cli.bench.Encoders;
import dev.tokensmith.cli.bench.Workload;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JTokkit 1.1.0, single-thread, on the workloads of {@link EncodeBenchmark}: {@code encodeOrdinary} and {@code
 * countTokensOrdinary} (special tokens read as text). JTokkit has only OpenAI's encodings, so no llama3.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JtokkitEncodeBenchmark {
    @Param({"cl100k_base", "o200k_base", "r50k_base"})
    public String tokenizer;

    @Param({"prose", "multilingual", "code", "repeat-char", "long-word", "whitespace", "random-utf8"})
    public String workload;

    private List<String> texts;
    private double megabytes;
    private Encoders.EncoderSet set;
    private BenchEncoder encode;
    private BenchEncoder count;

    @Setup
    public void setUp() {
        Workload w = BenchInputs.workload(workload);
        texts = w.texts();
        megabytes = w.bytes() / 1e6;
        set = BenchInputs.open(tokenizer, Library.JTOKKIT, true);
        List<BenchEncoder> jtokkit = BenchInputs.of(set, Library.JTOKKIT);
        encode = jtokkit.get(0);
        count = jtokkit.get(1);
    }

    @TearDown
    public void tearDown() {
        set.close();
    }

    @Benchmark
    public long encodeOrdinary(Throughput throughput) {
        throughput.mb += megabytes;
        return BenchInputs.encodeAll(encode, texts);
    }

    @Benchmark
    public long countTokensOrdinary(Throughput throughput) {
        throughput.mb += megabytes;
        return BenchInputs.encodeAll(count, texts);
    }
}
