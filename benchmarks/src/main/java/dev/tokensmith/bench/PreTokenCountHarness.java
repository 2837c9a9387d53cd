package dev.tokensmith.bench;

import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.corpora.count.PreTokenCounter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Side-by-side counting throughput on a shared or busy machine: the same text and counter as {@link
 * PreTokenCountBenchmark} ({@code gpt2}, {@code gpt2-general}), timed per round as wall-clock MB/s and as MB per
 * CPU-second of the whole process (which stays meaningful when other jobs take the cores; with 2 threads it is
 * per core). Writes the counts of the last round to a temp file to include the file path.
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
 *   -Dbench.data=../shared/data dev.tokensmith.bench.PreTokenCountHarness [rounds]
 * </pre>
 */
public final class PreTokenCountHarness {
    private PreTokenCountHarness() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        PreTokenCountBenchmark text = new PreTokenCountBenchmark();
        text.pipeline = "gpt2";
        text.threads = 1;
        text.setUp();
        List<String> docs = text.documents();
        double mb = text.megabytes();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(
                "%d documents, %.2f MB; %d cores, load average %.1f%n",
                docs.size(), mb, Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
        for (String pipeline : List.of("gpt2", "gpt2-general")) {
            for (int threads = 1; threads <= 2; threads++) {
                PreTokenCounter.Builder b = PreTokenCounter.builder(null, new ByteLevel(false, true, true));
                if (pipeline.equals("gpt2-general")) {
                    b.generalPathOnly();
                }
                PreTokenCounter counter = b.threads(threads).build();
                double bestWall = 0;
                double bestCpu = 0;
                for (int r = 0; r < rounds; r++) {
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    if (r == rounds - 1) {
                        Path out = Files.createTempFile("counts", ".bin");
                        counter.countToFile(docs, out, counter.metadata("byte-level"));
                        Files.delete(out);
                    } else {
                        counter.count(docs);
                    }
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                    if (r > 0) { // the first round warms up
                        bestWall = Math.max(bestWall, mb / wall);
                        bestCpu = Math.max(bestCpu, mb / cpu);
                    }
                }
                System.out.printf(
                        "%-13s %d thread(s): best %6.1f MB/s wall, %6.1f MB per CPU-second%n",
                        pipeline, threads, bestWall, bestCpu);
            }
        }
    }
}
