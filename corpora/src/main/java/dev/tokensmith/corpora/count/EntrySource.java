package dev.tokensmith.corpora.count;

import java.io.Closeable;
import java.io.IOException;

/** Sorted, distinct (key, count) entries read one at a time: a run file or a sorted in-memory table. */
interface EntrySource extends Closeable {
    /** Moves to the next entry; false when there is none. */
    boolean next() throws IOException;

    /** The current key is {@code key()[keyFrom(), keyFrom() + keyLength())}; valid until {@link #next()}. */
    byte[] key();

    int keyFrom();

    int keyLength();

    long count();

    @Override
    default void close() throws IOException {}
}
