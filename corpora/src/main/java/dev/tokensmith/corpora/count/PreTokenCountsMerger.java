package dev.tokensmith.corpora.count;

import dev.tokensmith.core.train.PreTokenCounts;
import dev.tokensmith.core.train.PreTokenCountsFile;
import dev.tokensmith.core.train.PreTokenCountsMetadata;
import dev.tokensmith.core.train.PreTokenCountsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Merges counts files into one, streaming: a k-way merge that holds one entry per input, so files far larger than
 * memory merge in a single pass. The result equals counting the inputs' corpora together.
 *
 * <pre>{@code
 * PreTokenCountsMerger.mergeFiles(List.of(a, b), out, PreTokenCountsFile.metadata(a));
 * }</pre>
 */
public final class PreTokenCountsMerger {
    private PreTokenCountsMerger() {}

    /**
     * Writes the entries of all {@code inputs}, counts of equal pre-tokens added, to {@code output} (atomically;
     * it may be one of the inputs). Every input's checksum is verified by the time the output is moved into place.
     * Inputs counted with different normalizers or pre-tokenizers (per their metadata) are refused: their
     * pre-tokens do not mean the same thing.
     *
     * @return the number of distinct pre-tokens written
     */
    public static long mergeFiles(List<Path> inputs, Path output, PreTokenCountsMetadata metadata) throws IOException {
        requireSamePipeline(inputs);
        List<EntrySource> sources = open(inputs);
        try (PreTokenCountsWriter writer = PreTokenCountsFile.writer(output, metadata)) {
            long n = KWayMerge.merge(sources, writer::add);
            writer.finish();
            return n;
        } finally {
            closeAll(sources);
        }
    }

    /** The entries of all {@code inputs}, counts of equal pre-tokens added, in memory. */
    public static PreTokenCounts mergeToMemory(List<Path> inputs) throws IOException {
        requireSamePipeline(inputs);
        List<EntrySource> sources = open(inputs);
        try {
            PreTokenCounts.SortedAppender out = PreTokenCounts.sortedAppender();
            KWayMerge.merge(sources, out::add);
            return out.build();
        } finally {
            closeAll(sources);
        }
    }

    /**
     * Metadata for the merge of {@code inputs}: the first input's template, stages and version, with the corpora
     * of all inputs in order.
     */
    public static PreTokenCountsMetadata mergedMetadata(List<Path> inputs) throws IOException {
        if (inputs.isEmpty()) {
            return PreTokenCountsMetadata.empty();
        }
        PreTokenCountsMetadata first = PreTokenCountsFile.metadata(inputs.getFirst());
        List<PreTokenCountsMetadata.Corpus> corpora = new ArrayList<>();
        for (Path p : inputs) {
            corpora.addAll(PreTokenCountsFile.metadata(p).corpora());
        }
        return first.withCorpora(corpora);
    }

    private static void requireSamePipeline(List<Path> inputs) throws IOException {
        Path firstFile = null;
        PreTokenCountsMetadata first = null;
        for (Path p : inputs) {
            PreTokenCountsMetadata m = PreTokenCountsFile.metadata(p);
            if (first == null) {
                firstFile = p;
                first = m;
            } else if (!Objects.equals(first.normalizer(), m.normalizer())
                    || !Objects.equals(first.preTokenizer(), m.preTokenizer())) {
                throw new IllegalArgumentException(p + ": counted with another normalizer or pre-tokenizer than "
                        + firstFile + "; counts of different pipelines cannot be merged");
            }
        }
    }

    /** Writes one sorted source (a spilled table) as a run file. */
    static void write(EntrySource sorted, Path run) throws IOException {
        try (PreTokenCountsWriter writer = PreTokenCountsFile.writer(run, PreTokenCountsMetadata.empty())) {
            while (sorted.next()) {
                writer.add(sorted.key(), sorted.keyFrom(), sorted.keyLength(), sorted.count());
            }
            writer.finish();
        }
    }

    private static List<EntrySource> open(List<Path> inputs) throws IOException {
        List<EntrySource> sources = new ArrayList<>();
        try {
            for (Path p : inputs) {
                sources.add(new FileEntrySource(p));
            }
        } catch (IOException | RuntimeException e) {
            closeAll(sources);
            throw e;
        }
        return sources;
    }

    static void closeAll(List<? extends EntrySource> sources) throws IOException {
        IOException first = null;
        for (EntrySource s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
