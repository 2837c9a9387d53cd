package dev.tokensmith.corpora;

/**
 * A corpus could not be read: a missing file, invalid UTF-8, malformed JSON Lines, a missing Parquet column, an
 * invalid manifest. The message is one line that names the file and the problem.
 */
public final class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
