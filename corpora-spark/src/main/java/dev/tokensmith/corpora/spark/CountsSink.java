package dev.tokensmith.corpora.spark;

import java.io.IOException;

/**
 * Where the job's result goes, entry by entry in unsigned byte order of the pre-tokens, each pre-token once: a
 * counts file writer, or {@link dev.tokensmith.core.train.PreTokenCounts#sortedAppender()} in memory.
 */
@FunctionalInterface
public interface CountsSink {
    void add(byte[] preToken, long count) throws IOException;
}
