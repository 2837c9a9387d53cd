package dev.tokensmith.corpora.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.tukaani.xz.XZInputStream;
import scala.Tuple2;

/**
 * The map side of the job: reads a partition's splits document by document and counts pre-tokens in a hash map,
 * handing the entries on whenever the map holds {@code flushEntries} distinct pre-tokens (the shuffle adds up
 * repeats), so a task's memory stays bounded however many distinct pre-tokens its splits hold.
 */
final class SplitCounter implements PairFlatMapFunction<Iterator<CorpusSplit>, String, Long> {
    private final PreTokenPipeline pipeline;
    private final Map<String, String> hadoopConf;
    private final int flushEntries;

    SplitCounter(PreTokenPipeline pipeline, Map<String, String> hadoopConf, int flushEntries) {
        this.pipeline = pipeline;
        this.hadoopConf = hadoopConf;
        this.flushEntries = flushEntries;
    }

    @Override
    public Iterator<Tuple2<String, Long>> call(Iterator<CorpusSplit> splits) {
        Configuration conf = new Configuration(false);
        hadoopConf.forEach(conf::set);
        return new Counts(splits, conf);
    }

    static DocumentReader open(CorpusSplit split, Configuration conf) throws IOException {
        Path path = new Path(split.path());
        FileSystem fs = path.getFileSystem(conf);
        FSDataInputStream raw = fs.open(path);
        try {
            if (split.start() > 0) {
                raw.seek(split.start() - 1);
            }
            InputStream in = switch (split.compression()) {
                case NONE -> raw;
                case GZIP -> new GZIPInputStream(raw, 1 << 16);
                case XZ -> new XZInputStream(raw);
            };
            return new DocumentReader(in, split.path(), split.start(), split.end());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw new IOException(split.path() + ": cannot read: " + e.getMessage(), e);
        }
    }

    private final class Counts implements Iterator<Tuple2<String, Long>> {
        private final Iterator<CorpusSplit> splits;
        private final Configuration conf;
        private DocumentReader reader;
        private Iterator<Map.Entry<String, long[]>> draining;

        Counts(Iterator<CorpusSplit> splits, Configuration conf) {
            this.splits = splits;
            this.conf = conf;
        }

        @Override
        public boolean hasNext() {
            while (draining == null || !draining.hasNext()) {
                if (!fill()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Tuple2<String, Long> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<String, long[]> e = draining.next();
            return new Tuple2<>(e.getKey(), e.getValue()[0]);
        }

        /** Counts documents until the map is full or the input ends; false when nothing was left. */
        private boolean fill() {
            Map<String, long[]> counts = new HashMap<>();
            try {
                while (counts.size() < flushEntries) {
                    if (reader == null) {
                        if (!splits.hasNext()) {
                            break;
                        }
                        reader = open(splits.next(), conf);
                    }
                    String doc = reader.next();
                    if (doc == null) {
                        reader.close();
                        reader = null;
                        continue;
                    }
                    pipeline.forEachPreToken(doc, t -> counts.computeIfAbsent(t, k -> new long[1])[0]++);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            draining = counts.entrySet().iterator();
            return !counts.isEmpty();
        }
    }
}
