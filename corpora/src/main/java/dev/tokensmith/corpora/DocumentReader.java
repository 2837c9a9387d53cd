package dev.tokensmith.corpora;

import java.io.Closeable;
import java.io.IOException;

/** Pulls documents one at a time from an open input; {@code null} at the end. */
interface DocumentReader extends Closeable {
    String next() throws IOException;
}
