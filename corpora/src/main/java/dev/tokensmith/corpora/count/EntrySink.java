package dev.tokensmith.corpora.count;

import java.io.IOException;

/** Where merged entries go, in order: a counts file writer or an in-memory appender. */
@FunctionalInterface
interface EntrySink {
    void add(byte[] key, int from, int length, long count) throws IOException;
}
