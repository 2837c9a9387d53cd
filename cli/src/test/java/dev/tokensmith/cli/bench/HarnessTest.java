package dev.tokensmith.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tokensmith.cli.bench.BenchEncoder.Library;
import dev.tokensmith.cli.bench.BenchEncoder.Operation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HarnessTest {
    /** Two texts of 500 000 ASCII bytes each: a million bytes per round. */
    private static final Workload MEGABYTE =
            Workload.of("mb", "test", List.of("a".repeat(500_000), "b".repeat(500_000)));

    private final FakeEncoder.Clock clock = new FakeEncoder.Clock();
    private final List<String> log = FakeEncoder.log();

    private Harness harness(int warmup, int rounds) {
        return new Harness(warmup, rounds, () -> clock.now, 0); // one pass a sample
    }

    private WorkloadResult run(Harness h, List<BenchEncoder> encoders) {
        try (Threads one = Threads.of(1)) {
            return h.run(MEGABYTE, encoders, one);
        }
    }

    @Test
    void speedIsMegabytesOfUtf8InputPerSecond() {
        assertThat(Harness.mbPerSecond(2_000_000, 1_000_000_000L)).isEqualTo(2.0);
        assertThat(Harness.mbPerSecond(1_000_000, 250_000_000L)).isEqualTo(4.0);
        assertThat(Harness.mbPerSecond(10, 0)).isEqualTo(1e4);
    }

    @Test
    void eachRoundGivesEveryEncoderOneSampleOfItsSpeed() {
        // 0.25 s per text, two texts: 1 MB in 0.5 s is 2 MB/s; 0.5 s per text is 1 MB/s.
        BenchEncoder fast = FakeEncoder.chars("fast", Library.TOKENSMITH, 250_000_000L, clock, log);
        BenchEncoder slow = FakeEncoder.chars("slow", Library.JTOKKIT, 500_000_000L, clock, log);
        WorkloadResult r = run(harness(2, 3), List.of(fast, slow));
        assertThat(r.results()).extracting(EncoderResult::encoder).containsExactly("fast", "slow");
        assertThat(r.results().get(0).mbPerSecond()).containsExactly(2.0, 2.0, 2.0);
        assertThat(r.results().get(1).mbPerSecond()).containsExactly(1.0, 1.0, 1.0);
        assertThat(r.ratio(r.results().get(0), Library.JTOKKIT).getAsDouble()).isEqualTo(2.0);
        assertThat(r.tokens()).isEqualTo(1_000_000);
        assertThat(r.disagreements()).isEmpty();
    }

    @Test
    void aSampleRepeatsAFastEncoderUntilTheLeastSampleTimeHasPassed() {
        // 0.5 s a pass: a sample of at least 1.2 s takes three passes (1.5 s) and is still 2 MB/s.
        BenchEncoder fast = FakeEncoder.chars("fast", Library.TOKENSMITH, 250_000_000L, clock, log);
        BenchEncoder slow = FakeEncoder.chars("slow", Library.JTOKKIT, 2_000_000_000L, clock, log);
        WorkloadResult r;
        try (Threads one = Threads.of(1)) {
            r = new Harness(0, 2, () -> clock.now, 1_200_000_000L).run(MEGABYTE, List.of(fast, slow), one);
        }
        assertThat(r.results().get(0).mbPerSecond()).containsExactly(2.0, 2.0);
        assertThat(r.results().get(1).mbPerSecond()).containsExactly(0.25, 0.25);
        assertThat(log).containsExactly("fast", "fast", "fast", "slow", "slow", "fast", "fast", "fast");
    }

    @Test
    void roundsRotateWhichEncoderGoesFirstAndWarmUpRoundsAreNotSampled() {
        List<BenchEncoder> encoders = List.of(
                FakeEncoder.chars("a", Library.TOKENSMITH, 1, clock, log),
                FakeEncoder.chars("b", Library.JTOKKIT, 1, clock, log),
                FakeEncoder.chars("c", Library.HF, 1, clock, log));
        WorkloadResult r = run(harness(1, 3), encoders);
        // The agreement check calls encode() text by text, not encodeAll(): the log holds the rounds only.
        assertThat(log).containsExactly("a", "b", "c", "b", "c", "a", "c", "a", "b", "a", "b", "c");
        assertThat(r.results()).allSatisfy(e -> assertThat(e.mbPerSecond()).hasSize(3));
    }

    @Test
    void anEncoderThatCountsDifferentlyIsReportedWithItsFirstDifferingText() {
        Workload w = Workload.of("w", "test", List.of("one", "two", "three", "four"));
        BenchEncoder reference = FakeEncoder.chars("ref", Library.TOKENSMITH, 1, clock, log);
        BenchEncoder same = FakeEncoder.chars("same", Library.HF, 1, clock, log);
        BenchEncoder off = FakeEncoder.chars("off", Library.JTOKKIT, 1, clock, log)
                .counting(t -> t.startsWith("t") ? t.length() + 1 : t.length());
        WorkloadResult r;
        try (Threads one = Threads.of(1)) {
            r = harness(0, 1).run(w, List.of(reference, same, off), one);
        }
        assertThat(r.disagreements()).containsExactly(new Disagreement("off", 2, 1, 3, 4));
        assertThat(r.disagrees("off")).isTrue();
        assertThat(r.disagrees("same")).isFalse();
        assertThat(r.tokens()).isEqualTo(15);
    }

    @Test
    void anEncoderWhoseRoundTotalChangesIsAnError() {
        AtomicInteger calls = new AtomicInteger();
        BenchEncoder drifting = FakeEncoder.chars("drift", Library.TOKENSMITH, 1, clock, log)
                .counting(t -> calls.incrementAndGet() > 2 ? 1 : 0);
        assertThatThrownBy(() -> run(harness(1, 1), List.of(drifting)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("drift produced 2 tokens in a round but 0 text by text");
    }

    @Test
    void roundsAndWarmUpRoundsAreChecked() {
        assertThatThrownBy(() -> new Harness(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Harness(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratiosCompareACountWithACountAndOtherwiseWithFullEncoding() {
        List<BenchEncoder> encoders = List.of(
                FakeEncoder.chars("ts", Library.TOKENSMITH, 100, clock, log),
                FakeEncoder.chars("ts count", Library.TOKENSMITH, 50, clock, log)
                        .as(Operation.COUNT),
                FakeEncoder.chars("jt", Library.JTOKKIT, 300, clock, log),
                FakeEncoder.chars("jt count", Library.JTOKKIT, 200, clock, log).as(Operation.COUNT),
                FakeEncoder.chars("hf", Library.HF, 1000, clock, log));
        WorkloadResult r = run(harness(0, 1), encoders);
        EncoderResult ts = r.results().get(0);
        EncoderResult tsCount = r.results().get(1);
        assertThat(r.ratio(ts, Library.JTOKKIT).getAsDouble()).isCloseTo(3.0, within(1e-9));
        assertThat(r.ratio(tsCount, Library.JTOKKIT).getAsDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(r.ratio(tsCount, Library.HF).getAsDouble()).isCloseTo(20.0, within(1e-9));
        assertThat(r.ratio(ts, Library.HF).getAsDouble()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void thereIsNoRatioToALibraryThatDidNotRun() {
        WorkloadResult r = run(harness(0, 1), List.of(FakeEncoder.chars("ts", Library.TOKENSMITH, 1, clock, log)));
        assertThat(r.ratio(r.results().getFirst(), Library.HF)).isEmpty();
    }
}
