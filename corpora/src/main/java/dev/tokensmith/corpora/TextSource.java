package dev.tokensmith.corpora;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Text as a sequence of documents, read lazily: memory stays bounded by the largest document, not the corpus.
 *
 * <p>Each call to {@link #documents()} reads the source again from its start, in the same, deterministic order.
 * The stream is sequential and holds open files: close it (try-with-resources). Documents are never empty.
 * Malformed input (invalid UTF-8, broken JSON, a missing Parquet column) fails the stream with a
 * {@link CorpusException} whose one-line message names the file and the place.
 *
 * <pre>{@code
 * TextSource source = Corpora.open("corpus/*.txt.xz");
 * try (Stream<String> docs = source.documents()) {
 *     long bytes = docs.mapToLong(Utf8::length).sum();
 * }
 * }</pre>
 */
public interface TextSource {
    /** A short human-readable name: the path or glob it was opened from, or a category's name. */
    String name();

    /**
     * Bytes the source occupies where it is stored (the compressed size for compressed files), when that is known
     * without reading it; empty for derived sources (samples, mixtures, splits) and classpath resources.
     */
    OptionalLong sizeBytes();

    /** The documents, from the start, in the source's fixed order. Close the stream after use. */
    Stream<String> documents();

    /**
     * The independent parts this source reads one after another (one per file, in order), for callers that
     * read parts in parallel; a source that has no smaller parts returns itself.
     */
    default List<? extends TextSource> parts() {
        return List.of(this);
    }
}
