package dev.tokensmith.corpora.spark;

import java.io.Serializable;

/**
 * One task's share of a corpus: the documents of {@code path} whose preceding blank line (or the file's start)
 * lies in bytes {@code [start, end)}. A compressed file is one split, read whole.
 */
record CorpusSplit(String path, long start, long end, Compression compression) implements Serializable {
    /** How a file's bytes are stored, known from its name. */
    enum Compression {
        NONE,
        GZIP,
        XZ;

        static Compression of(String fileName) {
            if (fileName.endsWith(".gz")) {
                return GZIP;
            }
            if (fileName.endsWith(".xz")) {
                return XZ;
            }
            return NONE;
        }
    }

    boolean whole() {
        return start == 0 && end == Long.MAX_VALUE;
    }
}
