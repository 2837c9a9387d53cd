package dev.tokensmith.bench;

import dev.tokensmith.cli.bench.BenchEncoder;
import dev.tokensmith.cli.bench.BenchEncoder.Library;
import dev.tokensmith.cli.bench.Encoders;
import dev.tokensmith.cli.bench.Workload;
import dev.tokensmith.cli.bench.Workloads;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the JMH benchmarks encode and with what, from their parameters and system properties, through the same
 * harness library as {@code tokensmith bench encode}:
 *
 * <ul>
 *   <li>{@code tokensmith.data}: the shared data directory, for the prose, multilingual and code workloads;
 *   <li>{@code bench.bytes}: the size of those workloads (default 1 MB);
 *   <li>{@code bench.input}: a UTF-8 file to measure instead of the workload (documents at blank lines);
 *   <li>{@code tokensmith.cache}: where {@code llama3} and other names not built in are found
 *       ({@code <cache>/tokenizers/<name>.json}, default {@code .cache}).
 * </ul>
 */
final class BenchInputs {
    private BenchInputs() {}

    static Workload workload(String name) {
        String input = System.getProperty("bench.input");
        if (input != null) {
            try {
                String text = Files.readString(Path.of(input), StandardCharsets.UTF_8);
                return Workloads.fromText(input, text, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Optional<Path> data =
                Optional.ofNullable(System.getProperty("tokensmith.data")).map(Path::of);
        long bytes = Long.getLong("bench.bytes", Workloads.DEFAULT_BYTES);
        return Workloads.named(name, data, bytes);
    }

    /** A built-in name as is; another name as a file of the tokenizer cache. */
    static String tokenizerSpec(String name) {
        if (Tokenizers.builtinNames().contains(name)) {
            return name;
        }
        Path cache = Path.of(System.getProperty("tokensmith.cache", ".cache"));
        Path file = cache.resolve("tokenizers").resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    file + " is missing: set -Dtokensmith.cache to the tokenizer cache (scripts/fetch-tokenizers.sh)");
        }
        return file.toString();
    }

    static Tokenizer tokensmith(String name) {
        return Tokenizers.load(tokenizerSpec(name)).withoutTruncationOrPadding();
    }

    /**
     * The encoders of {@code library} for tokenizer {@code name}, in the order {@link Encoders#open} gives them;
     * the caller closes the set.
     */
    static Encoders.EncoderSet open(String name, Library library, boolean hfIdsOnly) {
        String spec = tokenizerSpec(name);
        Encoders.EncoderSet set = Encoders.open(spec, tokensmith(name), Set.of(library), hfIdsOnly);
        if (set.encoders().stream().noneMatch(e -> e.library() == library)) {
            set.close();
            throw new IllegalStateException(library + " cannot run " + name + ": " + String.join("; ", set.notes()));
        }
        return set;
    }

    /** The encoders of {@code library} in {@code set}. */
    static List<BenchEncoder> of(Encoders.EncoderSet set, Library library) {
        return set.encoders().stream().filter(e -> e.library() == library).toList();
    }

    /** Every text encoded once by {@code encoder}: the total token count, for the blackhole. */
    static long encodeAll(BenchEncoder encoder, List<String> texts) {
        long tokens = 0;
        for (String t : texts) {
            tokens += encoder.encode(t);
        }
        return tokens;
    }
}
