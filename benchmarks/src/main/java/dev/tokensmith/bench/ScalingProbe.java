package dev.tokensmith.bench;

import dev.tokensmith.cli.bench.Workload;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Why N threads do not run N times as fast: each round encodes the workload on one thread, then on N threads
 * (text i to thread i mod N, no shared state but the tokenizer), and reports wall-clock speed-up beside each
 * thread's CPU time per megabyte. Equal CPU time per megabyte with a speed-up under N means the threads did
 * not get the CPUs at once (a shared machine); more CPU time per megabyte means they slowed each other down
 * (shared caches, memory, a core's two hardware threads).
 *
 * <pre>
 * java -Dtokensmith.data=../shared/data -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
 *   dev.tokensmith.bench.ScalingProbe cl100k_base prose 2 15
 * </pre>
 */
public final class ScalingProbe {
    private ScalingProbe() {}

    public static void main(String[] args) throws Exception {
        Tokenizer tokenizer = Tokenizers.load(BenchInputs.tokenizerSpec(args[0]));
        Workload workload = BenchInputs.workload(args[1]);
        int threads = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        List<String> texts = workload.texts();
        double mb = workload.bytes() / 1e6;
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        double[] speedUp = new double[rounds];
        double[] cpuRatio = new double[rounds];
        CyclicBarrier start = new CyclicBarrier(threads);
        // Threads that live through all rounds, so that their per-thread caches stay warm as in a batch pool.
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        for (int round = 0; round < rounds + 3; round++) {
            long w0 = System.nanoTime();
            long c0 = clock.getCurrentThreadCpuTime();
            for (String text : texts) {
                tokenizer.encodeIds(text, false);
            }
            double oneWall = (System.nanoTime() - w0) / 1e9;
            double oneCpu = (clock.getCurrentThreadCpuTime() - c0) / 1e9;
            long[] cpu = new long[threads];
            List<Future<?>> done = new ArrayList<>();
            long w1 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int me = t;
                done.add(pool.submit(() -> {
                    start.await();
                    long c = clock.getCurrentThreadCpuTime();
                    for (int i = me; i < texts.size(); i += threads) {
                        tokenizer.encodeIds(texts.get(i), false);
                    }
                    cpu[me] = clock.getCurrentThreadCpuTime() - c;
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double manyWall = (System.nanoTime() - w1) / 1e9;
            double manyCpu = Arrays.stream(cpu).sum() / 1e9;
            if (round >= 3) {
                speedUp[round - 3] = oneWall / manyWall;
                cpuRatio[round - 3] = manyCpu / oneCpu;
            }
        }
        Arrays.sort(speedUp);
        Arrays.sort(cpuRatio);
        System.out.printf(
                Locale.ROOT,
                "%s %s on %d threads: wall-clock speed-up %.2fx (median; %.2f-%.2f); CPU time for the same work %.2fx"
                        + " of one thread's (median; %.2f-%.2f)%n",
                args[0],
                args[1],
                threads,
                speedUp[rounds / 2],
                speedUp[0],
                speedUp[rounds - 1],
                cpuRatio[rounds / 2],
                cpuRatio[0],
                cpuRatio[rounds - 1]);
    }
}
