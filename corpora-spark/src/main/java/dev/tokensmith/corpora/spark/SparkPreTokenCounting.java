package dev.tokensmith.corpora.spark;

import dev.tokensmith.core.train.PreTokenCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Pre-token counting as a Spark job: the same counts as the in-process counter, spread over a cluster.
 *
 * <p>The driver lists the corpus (files, directories, globs on any Hadoop file system; {@code .gz} and {@code .xz}
 * are decompressed) and cuts plain files into byte ranges. Each task splits its ranges into blank-line-separated
 * documents, runs the pipeline's normalizer and pre-tokenizer and counts pre-tokens in a bounded hash map; a
 * shuffle adds the counts up per pre-token, a second one sorts them by code point (the unsigned byte order of
 * their UTF-8 forms), and the driver streams the sorted entries partition by partition into a {@link CountsSink},
 * never holding more than one partition.
 *
 * <pre>{@code
 * try (JavaSparkContext sc = SparkPreTokenCounting.localContext("local[*]")) {
 *     PreTokenCounts counts = SparkPreTokenCounting.count(sc, List.of("corpus/*.txt.xz"),
 *             PreTokenPipeline.template("byte-level"));
 * }
 * }</pre>
 */
public final class SparkPreTokenCounting {
    private SparkPreTokenCounting() {}

    /**
     * How the job cuts its work.
     *
     * @param splitBytes plain files larger than this are read by several tasks, one byte range each
     * @param partitions the number of partitions of the two shuffles (0: the context's default parallelism)
     * @param flushEntries a task hands its counts on once its map holds this many distinct pre-tokens
     */
    public record Options(long splitBytes, int partitions, int flushEntries) {
        public Options {
            if (splitBytes <= 0 || partitions < 0 || flushEntries <= 0) {
                throw new IllegalArgumentException("invalid options: " + splitBytes + ", " + partitions + ", "
                        + flushEntries + " (split bytes and flush entries must be positive, partitions >= 0)");
            }
        }

        public static Options defaults() {
            return new Options(64L << 20, 0, 1 << 20);
        }

        public Options withSplitBytes(long bytes) {
            return new Options(bytes, partitions, flushEntries);
        }

        public Options withPartitions(int n) {
            return new Options(splitBytes, n, flushEntries);
        }

        public Options withFlushEntries(int n) {
            return new Options(splitBytes, partitions, n);
        }
    }

    /** The counts of {@code corpus} in memory, with default options. */
    public static PreTokenCounts count(JavaSparkContext sc, List<String> corpus, PreTokenPipeline pipeline) {
        return count(sc, corpus, pipeline, Options.defaults());
    }

    /** The counts of {@code corpus} in memory. */
    public static PreTokenCounts count(
            JavaSparkContext sc, List<String> corpus, PreTokenPipeline pipeline, Options options) {
        PreTokenCounts.SortedAppender out = PreTokenCounts.sortedAppender();
        try {
            countTo(sc, corpus, pipeline, options, out::add);
        } catch (IOException e) {
            throw new AssertionError("an in-memory sink does not fail", e);
        }
        return out.build();
    }

    /** Counts {@code corpus} into the counts file {@code out}; returns the number of distinct pre-tokens. */
    public static long countToFile(
            JavaSparkContext sc, List<String> corpus, PreTokenPipeline pipeline, Options options, Path out)
            throws IOException {
        return CountsFiles.write(out, pipeline, sink -> countTo(sc, corpus, pipeline, options, sink));
    }

    /**
     * Runs the job and streams its entries, sorted and distinct, into {@code sink}; returns the number of
     * distinct pre-tokens.
     */
    public static long countTo(
            JavaSparkContext sc, List<String> corpus, PreTokenPipeline pipeline, Options options, CountsSink sink)
            throws IOException {
        Objects.requireNonNull(pipeline, "pipeline");
        Configuration hadoop = sc.hadoopConfiguration();
        List<CorpusSplit> splits = CorpusSplits.of(corpus, options.splitBytes(), hadoop);
        int partitions = options.partitions() > 0 ? options.partitions() : sc.defaultParallelism();
        Map<String, String> conf = new HashMap<>();
        for (Map.Entry<String, String> e : hadoop) {
            conf.put(e.getKey(), e.getValue());
        }
        sc.setJobDescription("count pre-tokens (" + pipeline.name() + ") of " + splits.size() + " splits");
        // A task per split up to a few per core; past that, neighbouring splits share a task.
        int tasks = Math.max(1, Math.min(splits.size(), 4 * Math.max(partitions, sc.defaultParallelism())));
        JavaPairRDD<String, Long> sorted = sc.parallelize(splits, tasks)
                .mapPartitionsToPair(new SplitCounter(pipeline, conf, options.flushEntries()))
                .reduceByKey(Long::sum, partitions)
                .sortByKey(CodePointOrder.INSTANCE, true, partitions);
        long entries = 0;
        Iterator<Tuple2<String, Long>> it = sorted.toLocalIterator();
        while (it.hasNext()) {
            Tuple2<String, Long> e = it.next();
            sink.add(e._1().getBytes(StandardCharsets.UTF_8), e._2());
            entries++;
        }
        return entries;
    }
}
