package dev.tokensmith.bench;

import dev.tokensmith.core.format.Tiktoken;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.text.OnigRegex;
import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.SplitPattern;
import dev.tokensmith.core.text.scan.AsciiBytes;
import dev.tokensmith.core.text.scan.PieceScanner;
import dev.tokensmith.core.text.scan.PieceScanners;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Pre-tokenization alone: the pieces of one text by a hand-written {@link PieceScanner} against the regex path
 * ({@code Patterns.regex(OnigRegex.compile(pattern))}) that it replaces. Text: English ({@code nl/en}, 1 MiB of
 * chars) or multilingual (32 Ki chars of each of the 37 languages of {@code nl/}), from the shared corpora in
 * system property {@code bench.data} (default {@code ../shared/data}). One operation splits the whole text;
 * {@code textMiB} in the setup's output converts operations per second into MiB/s of UTF-8. Run with {@code java
 * -cp "benchmarks/target/benchmarks-*.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main PreTokenizeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PreTokenizeBenchmark {
    private static final List<String> LANGUAGES = List.of(
            "ar", "ca", "cs", "da", "de", "dz", "el", "en", "es", "et", "eu", "fa", "fi", "fr", "gl", "hu", "id", "it",
            "ja", "km", "ko", "nb", "nl", "nn", "pl", "pt", "pt-br", "ro", "ru", "sl", "sr", "sv", "tr", "uk", "vi",
            "zh-cn", "zh-tw");

    @Param({"gpt2", "cl100k", "llama3", "o200k"})
    public String pattern;

    @Param({"en", "multilingual"})
    public String text;

    private String input;
    private char[] inputChars;
    private byte[] inputAscii;
    private PieceScanner scanner;
    private SplitPattern scannerSplit;
    private SplitPattern regexSplit;
    private Pattern regex;

    @Setup
    public void setUp() throws IOException {
        Path nl = Path.of(System.getProperty("bench.data", "../shared/data"), "corpora", "nl");
        if (text.equals("en")) {
            input = read(nl.resolve("en.txt.xz"), 1 << 20);
        } else {
            StringBuilder sb = new StringBuilder();
            for (String language : LANGUAGES) {
                sb.append(read(nl.resolve(language + ".txt.xz"), 32 << 10));
            }
            input = sb.toString();
        }
        String onig = switch (pattern) {
            case "gpt2" -> ByteLevel.GPT2_REGEX;
            case "cl100k" -> PieceScanners.CL100K_ONIGURUMA;
            case "llama3" -> PieceScanners.LLAMA3;
            case "o200k" -> Tiktoken.O200K_PATTERN;
            default -> throw new IllegalArgumentException(pattern);
        };
        scanner = PieceScanners.forPattern(onig).orElseThrow();
        scannerSplit = PieceScanners.splitPattern(scanner);
        regex = OnigRegex.compile(onig);
        regexSplit = Patterns.regex(regex);
        inputChars = input.toCharArray();
        inputAscii = AsciiBytes.of(inputChars);
        if (countPieces() != regexSplit.findMatches(input).size()) {
            throw new IllegalStateException("the scanner and the regex disagree on the benchmark text");
        }
        double mib = input.getBytes(StandardCharsets.UTF_8).length / (1024.0 * 1024.0);
        System.out.printf(
                "%n%s %s: %d chars, textMiB=%.4f, %d pieces%n", pattern, text, input.length(), mib, countPieces());
    }

    private static String read(Path xz, int chars) throws IOException {
        try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(xz), 1 << 16));
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buf = new char[chars];
            int n = 0;
            while (n < chars) {
                int got = r.read(buf, n, chars - n);
                if (got < 0) {
                    break;
                }
                n += got;
            }
            if (n > 0 && Character.isHighSurrogate(buf[n - 1])) {
                n--;
            }
            return new String(buf, 0, n);
        }
    }

    /** The scanner as a fast path calls it: piece ends, nothing allocated. */
    @Benchmark
    public int scanner() {
        return countPieces();
    }

    private int countPieces() {
        int pieces = 0;
        int n = inputChars.length;
        for (int start = 0; start < n; pieces++) {
            start = scanner.pieceEnd(inputChars, inputAscii, start, n);
        }
        return pieces;
    }

    /** The scanner behind the general pipeline's SplitPattern (a list of matches). */
    @Benchmark
    public int scannerSplitPattern() {
        return scannerSplit.findMatches(input).size();
    }

    /** The regex path that the Split pre-tokenizer used before: a list of matches. */
    @Benchmark
    public int regexSplitPattern() {
        return regexSplit.findMatches(input).size();
    }

    /** The bare regex: successive finds, nothing collected. */
    @Benchmark
    public int regexFind() {
        Matcher m = regex.matcher(input);
        int pieces = 0;
        int from = 0;
        while (from < input.length() && m.find(from)) {
            pieces++;
            from = m.end();
        }
        return pieces;
    }
}
