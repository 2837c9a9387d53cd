package dev.tokensmith.corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams over readers, pulled one document at a time. Concatenation opens one part at a time and is built by
 * hand because {@code Stream.flatMap} pulled through an iterator buffers a whole inner stream (a whole file).
 */
final class DocumentStreams {
    private DocumentStreams() {}

    static Stream<String> of(DocumentReader reader, String name) {
        Iterator<String> it = new Iterator<>() {
            private String next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        next = reader.next();
                    } catch (IOException e) {
                        throw new CorpusException(name + ": cannot read: " + e.getMessage(), e);
                    }
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String s = next;
                next = null;
                return s;
            }
        };
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(
                                it, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
                        false)
                .onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(name + ": cannot close: " + e.getMessage(), e);
                    }
                });
    }

    /** The parts' documents one part after another; each part is opened when reached and closed when done. */
    static Stream<String> concat(List<? extends TextSource> parts) {
        var it = new Iterator<String>() {
            private int part;
            private Stream<String> current;
            private Iterator<String> documents;

            @Override
            public boolean hasNext() {
                while (documents == null || !documents.hasNext()) {
                    closeCurrent();
                    if (part == parts.size()) {
                        return false;
                    }
                    current = parts.get(part++).documents();
                    documents = current.iterator();
                }
                return true;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return documents.next();
            }

            void closeCurrent() {
                if (current != null) {
                    Stream<String> s = current;
                    current = null;
                    documents = null;
                    s.close();
                }
            }
        };
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(
                                it, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
                        false)
                .onClose(it::closeCurrent);
    }
}
