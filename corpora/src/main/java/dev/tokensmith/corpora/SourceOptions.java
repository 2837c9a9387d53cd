package dev.tokensmith.corpora;

import java.util.Objects;

/**
 * How files are read: their format, how plain text is cut into documents, and which JSON field or Parquet column
 * holds the text.
 *
 * <pre>{@code
 * SourceOptions options = SourceOptions.DEFAULT.withJsonField("content").withBoundary(DocumentBoundary.LINE);
 * }</pre>
 *
 * @param format what the files hold ({@link SourceFormat#AUTO}: detected per file)
 * @param boundary how plain text is cut into documents
 * @param jsonField the top-level string field of each JSON Lines record that holds the document
 * @param parquetColumn the string (BYTE_ARRAY) column of a Parquet file that holds the documents
 */
public record SourceOptions(SourceFormat format, DocumentBoundary boundary, String jsonField, String parquetColumn) {
    /** Auto-detected format, blank-line-separated documents, field and column {@code "text"}. */
    public static final SourceOptions DEFAULT =
            new SourceOptions(SourceFormat.AUTO, DocumentBoundary.BLANK_LINE, "text", "text");

    public SourceOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(jsonField, "jsonField");
        Objects.requireNonNull(parquetColumn, "parquetColumn");
    }

    public SourceOptions withFormat(SourceFormat value) {
        return new SourceOptions(value, boundary, jsonField, parquetColumn);
    }

    public SourceOptions withBoundary(DocumentBoundary value) {
        return new SourceOptions(format, value, jsonField, parquetColumn);
    }

    public SourceOptions withJsonField(String value) {
        return new SourceOptions(format, boundary, value, parquetColumn);
    }

    public SourceOptions withParquetColumn(String value) {
        return new SourceOptions(format, boundary, jsonField, value);
    }
}
