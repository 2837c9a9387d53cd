package dev.tokensmith.bench;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.GemmForm;
import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.MathBackends;
import dev.tokensmith.math.NpyArray;
import dev.tokensmith.math.OmpOptions;
import dev.tokensmith.math.OmpResult;
import dev.tokensmith.math.Parallelism;
import java.io.IOException;
import java.io.Reader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Java side of the embedding-math side-by-side benchmark: reads what {@code scripts/omp-bench.py} wrote into
 * a folder (the inputs and numpy/scikit-learn timings on them), runs our GEMM and batched OMP on the same
 * inputs with the same thread count, and prints both with their ratio (python seconds / our seconds, so
 * above 1 means we are faster) and how far the selected atoms agree.
 *
 * <pre>
 * python3 scripts/omp-bench.py --dir /tmp/ompbench --threads 16
 * java --add-modules jdk.incubator.vector -cp ... dev.tokensmith.bench.MathSideBySide --dir /tmp/ompbench --threads 16
 * </pre>
 *
 * <p>{@code --save DIR} writes our GEMM result and OMP atoms/coefficients there as raw little-endian arrays
 * ({@code gemm.f32}, {@code omp-atoms.i32}, {@code omp-coefficients.f32}), to compare two builds bit for bit.
 */
public final class MathSideBySide {
    private MathSideBySide() {}

    public static void main(String[] args) throws IOException {
        Path dir = null;
        int threads = Runtime.getRuntime().availableProcessors();
        String backendName = null;
        Path save = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--backend" -> backendName = args[++i];
                case "--save" -> save = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: MathSideBySide --dir DIR [--threads N] [--backend NAME] [--save DIR]");
                    System.exit(2);
                }
            }
        }
        if (dir == null) {
            System.err.println("usage: MathSideBySide --dir DIR [--threads N] [--backend NAME] [--save DIR]");
            System.exit(2);
        }
        Properties py = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("python.properties"))) {
            py.load(r);
        }
        int k = Integer.parseInt(py.getProperty("k"));
        FloatMatrix dictionary = NpyArray.load(dir.resolve("dictionary.npy")).toMatrix();
        FloatMatrix targets = NpyArray.load(dir.resolve("targets.npy")).toMatrix();
        MathBackend backend = MathBackends.select(backendName);
        System.out.printf(
                Locale.ROOT,
                "backend %s (%s), %d threads; dictionary %dx%d, %d targets, k=%d; python: numpy %s, sklearn %s, %s threads%n",
                backend.name(),
                backend.description(),
                threads,
                dictionary.rows(),
                dictionary.cols(),
                targets.rows(),
                k,
                py.getProperty("numpy"),
                py.getProperty("sklearn", "-"),
                py.getProperty("threads"));
        try (Parallelism p = Parallelism.threads(threads)) {
            FloatMatrix c = FloatMatrix.zeros(targets.rows(), dictionary.rows());
            FloatMatrix warm = targets.rowRange(0, Math.min(64, targets.rows()));
            backend.gemm(GemmForm.A_BT, 1f, warm, dictionary, 0f, c.rowRange(0, warm.rows()), p);
            backend.omp(dictionary, warm, OmpOptions.atoms(k), p);
            double gemm = Double.MAX_VALUE;
            double gemmCpu = Double.NaN;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                backend.gemm(GemmForm.A_BT, 1f, targets, dictionary, 0f, c, p);
                double wall = (System.nanoTime() - t0) / 1e9;
                if (wall < gemm) {
                    gemm = wall;
                    gemmCpu = (cpuNanos() - c0) / 1e9;
                }
            }
            if (save != null) {
                Files.createDirectories(save);
                Files.write(save.resolve("gemm.f32"), c.segment().toArray(ValueLayout.JAVA_BYTE));
            }
            c = null;
            double flops = 2.0 * targets.rows() * dictionary.rows() * dictionary.cols();
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            OmpResult omp = backend.omp(dictionary, targets, OmpOptions.atoms(k), p);
            double ompSeconds = (System.nanoTime() - t0) / 1e9;
            double ompCpu = (cpuNanos() - c0) / 1e9;
            double ompFlops = flops * k;
            if (save != null) {
                Files.write(
                        save.resolve("omp-atoms.i32"),
                        MemorySegment.ofArray(omp.atoms()).toArray(ValueLayout.JAVA_BYTE));
                Files.write(
                        save.resolve("omp-coefficients.f32"),
                        MemorySegment.ofArray(omp.coefficients()).toArray(ValueLayout.JAVA_BYTE));
            }

            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %12s %12s %10s %12s %12s %10s%n",
                    "kernel (same inputs, same threads)",
                    "ours s",
                    "python s",
                    "ratio",
                    "ours cpu s",
                    "python cpu s",
                    "cpu ratio");
            row(
                    "GEMM Y·Dᵀ vs numpy (float32 OpenBLAS)",
                    gemm,
                    seconds(py, "gemm_seconds", 1),
                    gemmCpu,
                    seconds(py, "gemm_cpu_seconds", 1));
            System.out.printf(Locale.ROOT, "%-44s %12.1f%n", "  our GEMM GFLOP/s", flops / gemm / 1e9);
            row(
                    "OMP all targets vs numpy batched (tokensurgeon)",
                    ompSeconds,
                    seconds(py, "numpy_batch_seconds", 1),
                    ompCpu,
                    seconds(py, "numpy_batch_cpu_seconds", 1));
            row(
                    "OMP vs sklearn orthogonal_mp_gram (extrap.)",
                    ompSeconds,
                    seconds(py, "sklearn_gram_seconds_per_target", targets.rows()));
            row(
                    "OMP vs sklearn orthogonal_mp (extrap.)",
                    ompSeconds,
                    seconds(py, "sklearn_omp_seconds_per_target", targets.rows()));
            System.out.printf(
                    Locale.ROOT, "%-44s %12.1f%n", "  our OMP correlation GFLOP/s", ompFlops / ompSeconds / 1e9);
            System.out.println();
            agreement("numpy batched", omp, dir.resolve("numpy_atoms.npy"));
            agreement("sklearn orthogonal_mp_gram", omp, dir.resolve("sklearn_atoms.npy"));
        }
    }

    private static double seconds(Properties py, String key, int scale) {
        String v = py.getProperty(key);
        return v == null ? Double.NaN : Double.parseDouble(v) * scale;
    }

    private static void row(String name, double ours, double python) {
        System.out.printf(Locale.ROOT, "%-44s %12.3f %12.3f %9.2fx%n", name, ours, python, python / ours);
    }

    private static void row(String name, double ours, double python, double oursCpu, double pythonCpu) {
        System.out.printf(
                Locale.ROOT,
                "%-44s %12.3f %12.3f %9.2fx %12.3f %12.3f %9.2fx%n",
                name,
                ours,
                python,
                python / ours,
                oursCpu,
                pythonCpu,
                pythonCpu / oursCpu);
    }

    /** CPU time of the whole process (all threads), or 0 where the JVM cannot tell. */
    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0L;
    }

    /** Share of targets whose selected atom sets are equal (order aside), over the targets both have. */
    private static void agreement(String what, OmpResult ours, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        NpyArray theirs = NpyArray.load(file);
        int rows = Math.min(theirs.shape()[0], ours.targets());
        int width = theirs.shape()[1];
        int[] values = theirs.toInts();
        int same = 0;
        double jaccard = 0;
        for (int t = 0; t < rows; t++) {
            Set<Integer> a = new HashSet<>();
            Arrays.stream(ours.atomsOf(t)).forEach(a::add);
            Set<Integer> b = new HashSet<>();
            for (int i = 0; i < width; i++) {
                if (values[t * width + i] >= 0) {
                    b.add(values[t * width + i]);
                }
            }
            same += a.equals(b) ? 1 : 0;
            Set<Integer> union = new HashSet<>(a);
            union.addAll(b);
            a.retainAll(b);
            jaccard += union.isEmpty() ? 1 : (double) a.size() / union.size();
        }
        System.out.printf(
                Locale.ROOT,
                "atoms vs %-28s identical sets %d/%d, mean Jaccard %.4f%n",
                what,
                same,
                rows,
                jaccard / Math.max(1, rows));
    }
}
