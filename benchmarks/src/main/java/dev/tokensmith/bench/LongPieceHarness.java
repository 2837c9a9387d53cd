package dev.tokensmith.bench;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.model.Bpe;
import dev.tokensmith.core.model.ByteLevelBpe;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Single-thread speed of merging long pieces (issue 3's "1 MB single-character run" target): 1 MB runs of one
 * character and the {@code long-word} workload (100,000 random lowercase letters), encoded through the whole
 * tokenizer ({@code encodeIds}) and through {@link ByteLevelBpe} directly. Reports the median over rounds of MB
 * (10^6 bytes) per CPU-second of this thread, which stays meaningful on a busy machine.
 *
 * <pre>
 * java -cp "tokenizer-core/target/classes:$(cat cp.txt):benchmarks/target/classes" -Dtokensmith.cache=.cache \
 *   [-Dinputs=SUBSTRING] dev.tokensmith.bench.LongPieceHarness [rounds] [tokenizer...]
 * </pre>
 *
 * where a tokenizer is a built-in tiktoken name or a tokenizer.json path, and {@code inputs} keeps the inputs whose
 * label contains it.
 */
public final class LongPieceHarness {
    private LongPieceHarness() {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<String> names = args.length > 1
                ? List.of(args).subList(1, args.length)
                : List.of("r50k_base", "cl100k_base", "o200k_base", "llama3.json");
        List<String[]> inputs = new ArrayList<>();
        inputs.add(new String[] {"a x 1MB", "a".repeat(1 << 20)});
        inputs.add(new String[] {"z x 1MB", "z".repeat(1 << 20)});
        inputs.add(new String[] {"space x 1MB", " ".repeat(1 << 20)});
        inputs.add(new String[] {"中 x 1MB", "中".repeat((1 << 20) / 3)});
        inputs.add(new String[] {"long-word 100k", longWord()});
        String only = System.getProperty("inputs", "");
        inputs.removeIf(input -> !input[0].contains(only));
        for (String name : names) {
            Tokenizer tokenizer = Tokenizers.load(name);
            ByteLevelBpe bpe = ((Bpe) tokenizer.model()).byteLevel().orElseThrow();
            for (String[] input : inputs) {
                String text = input[1];
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                double mb = bytes.length / 1e6;
                int n = bytes.length;
                int[] ids = new int[n];
                int[] ends = new int[n];
                int[] scratch = new int[n];
                byte[] padded = Arrays.copyOf(bytes, n + 8);
                double[] full = new double[rounds];
                double[] direct = new double[rounds];
                long sink = 0;
                for (int r = 0; r < rounds + 2; r++) { // two warm-up rounds
                    long t0 = THREADS.getCurrentThreadCpuTime();
                    int reps = 0;
                    do {
                        sink += tokenizer.encodeIds(text, false).length;
                        reps++;
                    } while (THREADS.getCurrentThreadCpuTime() - t0 < 200_000_000L);
                    long t1 = THREADS.getCurrentThreadCpuTime();
                    int reps2 = 0;
                    do {
                        sink += bpe.encode(padded, n, ids, ends, scratch);
                        reps2++;
                    } while (THREADS.getCurrentThreadCpuTime() - t1 < 200_000_000L);
                    long t2 = THREADS.getCurrentThreadCpuTime();
                    if (r >= 2) {
                        full[r - 2] = mb * reps / ((t1 - t0) / 1e9);
                        direct[r - 2] = mb * reps2 / ((t2 - t1) / 1e9);
                    }
                }
                System.out.printf(
                        "%-14s %-15s encodeIds %7.1f MB/s   ByteLevelBpe %7.1f MB/s   (%d)%n",
                        shortName(name), input[0], median(full), median(direct), sink % 10);
            }
        }
    }

    private static String shortName(String name) {
        int slash = name.lastIndexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : name;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** The CLI's {@code long-word} workload: 100,000 random lowercase letters (its seed). */
    private static String longWord() {
        SplittableRandom random = new SplittableRandom(0x5EED_BE7CL);
        StringBuilder sb = new StringBuilder(100_000);
        for (int i = 0; i < 100_000; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
