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
 * HF tokenizers (Rust, through DJL), single-thread, on the workloads of {@link EncodeBenchmark}; OpenAI's
 * encodings through the tokenizer.json that Tokensmith converts them to. {@code fetch=ids} takes only the ids
 * back from native code, {@code fetch=encode} goes through DJL's {@code encode()} (tokens, spans and masks too).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HfEncodeBenchmark {
    @Param({"cl100k_base", "o200k_base", "r50k_base", "llama3"})
    public String tokenizer;

    @Param({"prose", "multilingual", "code", "repeat-char", "long-word", "whitespace", "random-utf8"})
    public String workload;

    @Param({"ids"})
    public String fetch;

    private List<String> texts;
    private double megabytes;
    private Encoders.EncoderSet set;
    private BenchEncoder hf;

    @Setup
    public void setUp() {
        if (!fetch.equals("ids") && !fetch.equals("encode")) {
            throw new IllegalArgumentException("fetch is ids or encode, not " + fetch);
        }
        Workload w = BenchInputs.workload(workload);
        texts = w.texts();
        megabytes = w.bytes() / 1e6;
        set = BenchInputs.open(tokenizer, Library.HF, fetch.equals("ids"));
        hf = BenchInputs.of(set, Library.HF).getFirst();
    }

    @TearDown
    public void tearDown() {
        set.close();
    }

    @Benchmark
    public long encode(Throughput throughput) {
        throughput.mb += megabytes;
        return BenchInputs.encodeAll(hf, texts);
    }
}
