package dev.tokensmith.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Single-thread encoding of one text by Tokensmith and by JTokkit, same encoding, same text. Text: the file in
 * system property {@code bench.input}, else the CLI's bundled multilingual sample. Run with {@code java -cp
 * "benchmarks/target/benchmarks-*.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main EncodeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EncodeBenchmark {
    @Param({"cl100k_base", "o200k_base"})
    public String encoding;

    private String text;
    private Tokenizer tokensmith;
    private Encoding jtokkit;

    @Setup
    public void setUp() throws IOException {
        String input = System.getProperty("bench.input");
        text = input != null ? Files.readString(Path.of(input)) : bundledSample();
        tokensmith = Tokenizers.builtin(encoding);
        jtokkit = Encodings.newDefaultEncodingRegistry()
                .getEncoding(encoding.equals("o200k_base") ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE);
    }

    private static String bundledSample() throws IOException {
        try (InputStream in = EncodeBenchmark.class.getResourceAsStream("/dev/tokensmith/cli/sample.txt")) {
            if (in == null) {
                throw new IllegalStateException("the CLI sample text is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public int tokensmith() {
        return tokensmith.countTokens(text);
    }

    @Benchmark
    public int jtokkit() {
        return jtokkit.countTokensOrdinary(text);
    }
}
