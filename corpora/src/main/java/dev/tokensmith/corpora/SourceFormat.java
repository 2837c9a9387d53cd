package dev.tokensmith.corpora;

/** What a file holds; {@link #AUTO} decides per file (see {@link Corpora}). */
public enum SourceFormat {
    /** Parquet when the file starts with {@code PAR1}, JSON Lines for {@code .jsonl}/{@code .ndjson}, else text. */
    AUTO,
    TEXT,
    JSON_LINES,
    PARQUET
}
