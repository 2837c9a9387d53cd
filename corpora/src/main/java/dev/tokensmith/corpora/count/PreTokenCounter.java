package dev.tokensmith.corpora.count;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.train.PreTokenCounts;
import dev.tokensmith.core.train.PreTokenCountsFile;
import dev.tokensmith.core.train.PreTokenCountsMetadata;
import dev.tokensmith.core.train.PreTokenCountsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Counts the pre-tokens of a corpus: runs a normalizer and pre-tokenizer over documents on several threads and
 * yields {@link PreTokenCounts}, in memory or as a counts file ({@link PreTokenCountsFile}).
 *
 * <p>The pre-tokens are exactly those of the general pipeline as HF's trainer runs it (added tokens cut out and
 * the rest normalized, then pre-tokenized; each split's normalized string as UTF-8). Byte-level pipelines that a
 * hand-written scanner provably reproduces (GPT-2's, Llama 3's, Qwen2's, …) take a fast path without
 * intermediate strings. Memory is bounded: each worker counts into a primitive hash table, and when the tables
 * outgrow the {@linkplain Builder#memoryBudget budget} they are written out as sorted run files and merged at
 * the end (streaming into the output file, so the result never needs to fit in memory).
 *
 * <pre>{@code
 * PreTokenCounter counter = PreTokenCounter.builder(Tokenizers.load("llama3.json"))
 *         .threads(4)
 *         .memoryBudget(2L << 30)
 *         .progress(bytes -> bar.stepTo(bytes))
 *         .build();
 * PreTokenCounts counts = counter.count(source.documents());
 * counter.countToFile(source.documents(), Path.of("counts.bin"), counter.metadata("llama3"));
 * }</pre>
 *
 * <p>Instances are immutable and may run several counts, one after another or at once.
 */
public final class PreTokenCounter {
    /** What one count did. */
    public record Summary(long documents, long bytes, long distinct, long total, int spills) {}

    private final PreTokenPipeline pipeline;
    private final int threads;
    private final long memoryBudget;
    private final Path tempDirectory;
    private final LongConsumer progress;
    private final int batchChars;

    private PreTokenCounter(Builder b) {
        this.pipeline = b.tokenizer != null
                ? PreTokenPipeline.of(b.tokenizer, !b.generalPathOnly)
                : PreTokenPipeline.of(b.normalizer, b.preTokenizer, !b.generalPathOnly);
        this.threads = b.threads;
        this.memoryBudget = b.memoryBudget;
        this.tempDirectory = b.tempDirectory;
        this.progress = b.progress;
        this.batchChars = b.batchChars;
    }

    /** Counts with the tokenizer's added tokens, normalizer and pre-tokenizer (its model is not used). */
    public static Builder builder(Tokenizer tokenizer) {
        return new Builder(Objects.requireNonNull(tokenizer, "tokenizer"), null, null);
    }

    /** Counts with these stages; either may be null (no normalization, or the whole document is one piece). */
    public static Builder builder(Normalizer normalizer, PreTokenizer preTokenizer) {
        return new Builder(null, normalizer, preTokenizer);
    }

    /** Whether this counter takes the byte-level fast path. */
    public boolean usesFastPath() {
        return pipeline.isFast();
    }

    /** Metadata naming this counter's stages and {@code template}; add corpora and version before writing. */
    public PreTokenCountsMetadata metadata(String template) {
        return PreTokenCountsMetadata.forPipeline(template, pipeline.normalizer(), pipeline.preTokenizer());
    }

    public PreTokenCounts count(Iterator<? extends CharSequence> documents) throws IOException {
        PreTokenCounts.SortedAppender out = PreTokenCounts.sortedAppender();
        try (CountingRun run = newRun()) {
            run.count(documents);
            run.merge(out::add);
        }
        return out.build();
    }

    public PreTokenCounts count(Stream<? extends CharSequence> documents) throws IOException {
        return count(documents.iterator());
    }

    public PreTokenCounts count(Iterable<? extends CharSequence> documents) throws IOException {
        return count(documents.iterator());
    }

    /**
     * Counts into a counts file, merging spilled runs straight into it; {@code output} appears only when complete.
     */
    public Summary countToFile(Iterator<? extends CharSequence> documents, Path output, PreTokenCountsMetadata metadata)
            throws IOException {
        try (CountingRun run = newRun();
                PreTokenCountsWriter writer = PreTokenCountsFile.writer(output, metadata)) {
            run.count(documents);
            long[] total = new long[1];
            long distinct = run.merge((key, from, length, count) -> {
                writer.add(key, from, length, count);
                total[0] += count;
            });
            writer.finish();
            return new Summary(run.documents(), run.bytes(), distinct, total[0], run.spills());
        }
    }

    public Summary countToFile(Stream<? extends CharSequence> documents, Path output, PreTokenCountsMetadata metadata)
            throws IOException {
        return countToFile(documents.iterator(), output, metadata);
    }

    public Summary countToFile(Iterable<? extends CharSequence> documents, Path output, PreTokenCountsMetadata metadata)
            throws IOException {
        return countToFile(documents.iterator(), output, metadata);
    }

    private CountingRun newRun() {
        return new CountingRun(pipeline, threads, memoryBudget, tempDirectory, progress, batchChars);
    }

    /** Settings of a counter; defaults: 1 thread, a 1 GiB budget, the system temp directory, no progress. */
    public static final class Builder {
        private final Tokenizer tokenizer;
        private final Normalizer normalizer;
        private final PreTokenizer preTokenizer;
        private int threads = 1;
        private long memoryBudget = 1L << 30;
        private Path tempDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private LongConsumer progress;
        private int batchChars = 1 << 20;
        private boolean generalPathOnly;

        private Builder(Tokenizer tokenizer, Normalizer normalizer, PreTokenizer preTokenizer) {
            this.tokenizer = tokenizer;
            this.normalizer = normalizer;
            this.preTokenizer = preTokenizer;
        }

        /** Worker threads that split and count (the caller's thread reads the documents). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Bytes the workers' tables may take together before they spill to run files. Spilling briefly needs
         * about as much again (the sorted copy), and the merge holds one buffer per run.
         */
        public Builder memoryBudget(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("memory budget must be positive, not " + bytes);
            }
            this.memoryBudget = bytes;
            return this;
        }

        /** Where run files go (in a directory of their own, deleted when the count ends). */
        public Builder tempDirectory(Path dir) {
            this.tempDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Called with the number of input bytes (UTF-8) counted so far, after each batch of documents; calls come
         * from worker threads, one at a time, with increasing values.
         */
        public Builder progress(LongConsumer bytesProcessed) {
            this.progress = bytesProcessed;
            return this;
        }

        /** How many chars of documents the reader hands a worker at once (default 1 Mi). */
        public Builder batchChars(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("batch size must be positive, not " + chars);
            }
            this.batchChars = chars;
            return this;
        }

        /** Never take the fast path (the oracle it is tested against). */
        public Builder generalPathOnly() {
            this.generalPathOnly = true;
            return this;
        }

        public PreTokenCounter build() {
            return new PreTokenCounter(this);
        }
    }
}
