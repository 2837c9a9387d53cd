package dev.tokensmith.corpora.count;

/**
 * Cuts one document into pre-tokens and hands each to a sink as bytes. One instance per worker (they keep
 * scratch buffers); {@link PreTokenPipeline} makes them.
 */
interface PreTokenSplitter {
    /** Receives one pre-token, {@code bytes[from, from + length)}, valid only during the call. */
    @FunctionalInterface
    interface PieceSink {
        void piece(byte[] bytes, int from, int length);
    }

    /**
     * Feeds every pre-token of {@code document} to {@code sink}, in order.
     *
     * @return the document's length in UTF-8 bytes (for progress)
     */
    long split(String document, PieceSink sink);
}
