package dev.tokensmith.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Measures encoders side by side on one workload, in one JVM: first every encoder encodes every text once and
 * the token counts are compared with the first encoder's (speed of different outputs means nothing); then
 * warm-up rounds, then measured rounds. A round runs every encoder once over all texts, in an order that rotates
 * from round to round, so noise from the machine (other processes, frequency changes, GC of an earlier encoder)
 * falls on all encoders alike. Each measured round gives one MB/s sample per encoder: the encoder encodes all
 * texts again and again until {@link #MIN_SAMPLE_NANOS} have passed (once, for the slower ones), so that a
 * sample of a fast encoder is not mostly timer and scheduling noise, nor the waking of a batch's threads; every
 * pass must produce the same token total as the check.
 */
public final class Harness {
    /** The least time one sample measures. */
    static final long MIN_SAMPLE_NANOS = 50_000_000;

    private final int warmupRounds;
    private final int rounds;
    private final LongSupplier nanoClock;
    private final long minSampleNanos;

    public Harness(int warmupRounds, int rounds) {
        this(warmupRounds, rounds, System::nanoTime, MIN_SAMPLE_NANOS);
    }

    Harness(int warmupRounds, int rounds, LongSupplier nanoClock, long minSampleNanos) {
        if (warmupRounds < 0) {
            throw new IllegalArgumentException("warm-up rounds must be at least 0, got " + warmupRounds);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        this.warmupRounds = warmupRounds;
        this.rounds = rounds;
        this.nanoClock = nanoClock;
        this.minSampleNanos = minSampleNanos;
    }

    /** Measures {@code encoders} on {@code workload}; the first encoder is the reference for token counts. */
    public WorkloadResult run(Workload workload, List<BenchEncoder> encoders, Threads threads) {
        if (encoders.isEmpty()) {
            throw new IllegalArgumentException("no encoders");
        }
        int n = encoders.size();
        List<String> texts = workload.texts();
        long[] totals = new long[n];
        List<Disagreement> disagreements = new ArrayList<>();
        int[] reference = counts(encoders.getFirst(), texts);
        for (int e = 0; e < n; e++) {
            int[] counts = e == 0 ? reference : counts(encoders.get(e), texts);
            totals[e] = sum(counts);
            compare(encoders.get(e).name(), reference, counts).ifPresent(disagreements::add);
        }
        double[][] samples = new double[n][rounds];
        for (int round = 0; round < warmupRounds + rounds; round++) {
            int measured = round - warmupRounds;
            for (int k = 0; k < n; k++) {
                int e = (round + k) % n;
                double mbPerSecond = timed(encoders.get(e), texts, threads, totals[e], workload.bytes());
                if (measured >= 0) {
                    samples[e][measured] = mbPerSecond;
                }
            }
        }
        List<EncoderResult> results = new ArrayList<>(n);
        for (int e = 0; e < n; e++) {
            BenchEncoder encoder = encoders.get(e);
            results.add(new EncoderResult(encoder.name(), encoder.library(), encoder.operation(), samples[e]));
        }
        return new WorkloadResult(workload, totals[0], results, disagreements);
    }

    /** Megabytes (10^6 bytes) per second; a zero duration counts as one nanosecond. */
    static double mbPerSecond(long bytes, long nanos) {
        return bytes * 1e3 / Math.max(1, nanos);
    }

    /** One sample: passes over all texts until the least sample time has passed, in MB/s. */
    private double timed(BenchEncoder encoder, List<String> texts, Threads threads, long expectedTokens, long bytes) {
        long start = nanoClock.getAsLong();
        long nanos;
        int passes = 0;
        do {
            long tokens = encoder.encodeAll(texts, threads);
            if (tokens != expectedTokens) {
                throw new IllegalStateException(encoder.name() + " produced " + tokens + " tokens in a round but "
                        + expectedTokens + " text by text: its output is not deterministic");
            }
            passes++;
            nanos = nanoClock.getAsLong() - start;
        } while (nanos < minSampleNanos);
        return mbPerSecond(bytes * passes, nanos);
    }

    private static int[] counts(BenchEncoder encoder, List<String> texts) {
        int[] counts = new int[texts.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = encoder.encode(texts.get(i));
        }
        return counts;
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    /** Where {@code counts} differs from {@code reference}: how often, and the first text. */
    static Optional<Disagreement> compare(String encoder, int[] reference, int[] counts) {
        int first = -1;
        int differing = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] != counts[i]) {
                if (first < 0) {
                    first = i;
                }
                differing++;
            }
        }
        return first < 0
                ? Optional.empty()
                : Optional.of(new Disagreement(encoder, differing, first, reference[first], counts[first]));
    }
}
