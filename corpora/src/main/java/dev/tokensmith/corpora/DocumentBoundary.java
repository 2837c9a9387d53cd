package dev.tokensmith.corpora;

/** How plain text is cut into documents (JSON Lines and Parquet have one document per record). */
public enum DocumentBoundary {
    /**
     * Documents are separated by one or more blank lines (empty, or a lone carriage return); the text between
     * them is kept byte for byte, without its final line break. The layout of the shared corpora.
     */
    BLANK_LINE,
    /** Each non-empty line is a document, without its line break (and a carriage return before it). */
    LINE,
    /** The whole file is one document, byte for byte (it must fit in memory). */
    FILE
}
