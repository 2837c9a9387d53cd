package dev.tokensmith.corpora.spark;

import dev.tokensmith.core.train.TrainingTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Pre-token counting from the command line, for {@code spark-submit} or a plain {@code java} run in local mode.
 *
 * <pre>
 * spark-submit --class dev.tokensmith.corpora.spark.SparkCountMain corpora-spark.jar \
 *     --corpus 'hdfs:///corpora/*.txt.gz' --tokenizer-template llama3 --out counts.bin
 * java -cp ... dev.tokensmith.corpora.spark.SparkCountMain --corpus data/ --tokenizer tokenizer.json --out counts.bin
 * </pre>
 *
 * <p>Options: {@code --corpus PATH...} (files, directories, globs; repeatable), one of {@code --tokenizer-template
 * NAME} or {@code --tokenizer FILE}, {@code --out FILE} (on the driver's local disk), {@code --master URL}
 * (default: what spark-submit set, else {@code local[*]}), {@code --split-mb N}, {@code --partitions N}.
 */
public final class SparkCountMain {
    private SparkCountMain() {}

    public static void main(String[] args) throws Exception {
        Args a;
        try {
            a = Args.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: SparkCountMain --corpus PATH... (--tokenizer-template "
                    + Arrays.stream(TrainingTemplate.values())
                            .map(TrainingTemplate::id)
                            .collect(Collectors.joining("|"))
                    + " | --tokenizer FILE) --out FILE [--master URL] [--split-mb N] [--partitions N]");
            System.exit(2);
            return;
        }
        SparkConf conf = new SparkConf().setAppName("tokensmith count");
        if (a.master != null) {
            conf.setMaster(a.master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            long entries = run(a, sc);
            System.err.println("wrote " + entries + " distinct pre-tokens to " + a.out);
        }
    }

    /** Runs a parsed command line on {@code sc}; returns the number of distinct pre-tokens written. */
    static long run(Args a, JavaSparkContext sc) throws IOException {
        PreTokenPipeline pipeline =
                a.template != null ? PreTokenPipeline.template(a.template) : PreTokenPipeline.fromFile(a.tokenizer);
        SparkPreTokenCounting.Options options = SparkPreTokenCounting.Options.defaults();
        if (a.splitMb > 0) {
            options = options.withSplitBytes(a.splitMb << 20);
        }
        if (a.partitions > 0) {
            options = options.withPartitions(a.partitions);
        }
        return SparkPreTokenCounting.countToFile(sc, a.corpus, pipeline, options, a.out);
    }

    /** The parsed command line. */
    record Args(
            List<String> corpus,
            String template,
            Path tokenizer,
            Path out,
            String master,
            long splitMb,
            int partitions) {
        static Args parse(String[] args) {
            List<String> corpus = new ArrayList<>();
            String template = null;
            Path tokenizer = null;
            Path out = null;
            String master = null;
            long splitMb = 0;
            int partitions = 0;
            for (int i = 0; i < args.length; i++) {
                String opt = args[i];
                switch (opt) {
                    case "--corpus" -> {
                        i = value(args, i, opt) - 1;
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            corpus.add(args[++i]);
                        }
                    }
                    case "--tokenizer-template" -> template = args[i = value(args, i, opt)];
                    case "--tokenizer" -> tokenizer = Path.of(args[i = value(args, i, opt)]);
                    case "--out" -> out = Path.of(args[i = value(args, i, opt)]);
                    case "--master" -> master = args[i = value(args, i, opt)];
                    case "--split-mb" -> splitMb = positive(args[i = value(args, i, opt)], opt);
                    case "--partitions" -> partitions = (int) positive(args[i = value(args, i, opt)], opt);
                    default -> throw new IllegalArgumentException("unknown option " + opt);
                }
            }
            if (corpus.isEmpty()) {
                throw new IllegalArgumentException("--corpus is required");
            }
            if ((template == null) == (tokenizer == null)) {
                throw new IllegalArgumentException("give exactly one of --tokenizer-template and --tokenizer");
            }
            if (out == null) {
                throw new IllegalArgumentException("--out is required");
            }
            return new Args(List.copyOf(corpus), template, tokenizer, out, master, splitMb, partitions);
        }

        private static int value(String[] args, int i, String opt) {
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(opt + " needs a value");
            }
            return i + 1;
        }

        private static long positive(String s, String opt) {
            try {
                long v = Long.parseLong(s);
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(opt + " must be a positive integer, got \"" + s + "\"");
        }
    }
}
