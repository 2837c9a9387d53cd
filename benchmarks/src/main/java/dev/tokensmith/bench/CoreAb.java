package dev.tokensmith.bench;

import dev.tokensmith.cli.bench.Workload;
import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two or more builds of tokenizer-core side by side in one JVM, each in a class loader of its own, on the same
 * texts: rounds interleave the builds (the order rotates) and time each with this thread's CPU clock, so that a
 * noisy machine slows all builds alike and a change of a few percent shows. Reports each build's median MB/s
 * over the last two thirds of the rounds, and its ratio to the first build. This is how the piece-cache sizes in
 * docs/benchmarks.md were chosen (a constant of a class can differ only between builds, not within one JVM).
 *
 * <pre>
 * java -Dtokensmith.data=../shared/data -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
 *   dev.tokensmith.bench.CoreAb cl100k_base prose 21 before.jar after.jar
 * </pre>
 *
 * The dependencies of the builds (Jackson, JTokkit's rank files...) are taken from this class path, less any
 * tokenizer-core jar on it.
 */
public final class CoreAb {
    private CoreAb() {}

    public static void main(String[] args) throws Throwable {
        if (args.length < 4) {
            System.err.println("usage: CoreAb TOKENIZER WORKLOAD ROUNDS CORE.jar CORE.jar [CORE.jar...]");
            System.exit(2);
        }
        String tokenizer = BenchInputs.tokenizerSpec(args[0]);
        Workload workload = BenchInputs.workload(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<String> jars = List.of(args).subList(3, args.length);
        List<String> texts = workload.texts();
        long bytes = workload.bytes();

        int k = jars.size();
        Object[] tokenizers = new Object[k];
        MethodHandle[] encodeIds = new MethodHandle[k];
        List<URL> deps = dependencies();
        for (int i = 0; i < k; i++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(jars.get(i)).toUri().toURL());
            urls.addAll(deps);
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> factory = loader.loadClass("dev.tokensmith.core.Tokenizers");
            Class<?> type = loader.loadClass("dev.tokensmith.core.Tokenizer");
            tokenizers[i] = factory.getMethod("load", String.class).invoke(null, tokenizer);
            encodeIds[i] = MethodHandles.publicLookup()
                    .findVirtual(type, "encodeIds", MethodType.methodType(int[].class, String.class, boolean.class));
        }

        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        double[][] mbPerSecond = new double[k][rounds];
        long[] tokens = new long[k];
        for (int round = 0; round < rounds; round++) {
            for (int j = 0; j < k; j++) {
                int i = (round + j) % k;
                long start = clock.getCurrentThreadCpuTime();
                long n = 0;
                for (String text : texts) {
                    n += ((int[]) encodeIds[i].invoke(tokenizers[i], text, false)).length;
                }
                mbPerSecond[i][round] = bytes / 1e6 / ((clock.getCurrentThreadCpuTime() - start) / 1e9);
                tokens[i] = n;
            }
        }
        StringBuilder out = new StringBuilder(args[0] + " " + args[1] + ":");
        double first = 0;
        for (int i = 0; i < k; i++) {
            double[] kept = Arrays.copyOfRange(mbPerSecond[i], rounds / 3, rounds);
            Arrays.sort(kept);
            double median = kept[kept.length / 2];
            if (i == 0) {
                first = median;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "  %s %.1f MB/s (%.2fx)%s",
                    Path.of(jars.get(i)).getFileName(),
                    median,
                    median / first,
                    tokens[i] == tokens[0] ? "" : " TOKEN COUNT DIFFERS: " + tokens[i]));
        }
        System.out.println(out);
    }

    private static List<URL> dependencies() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && !Path.of(entry).getFileName().toString().startsWith("tokenizer-core")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls;
    }
}
