package dev.tokensmith.cli;

import dev.tokensmith.corpora.Corpora;
import dev.tokensmith.corpora.CorpusException;
import dev.tokensmith.corpora.DocumentBoundary;
import dev.tokensmith.corpora.SourceFormat;
import dev.tokensmith.corpora.SourceOptions;
import dev.tokensmith.corpora.TextSource;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the text comes from: files, directories and globs, and how they are read. */
final class CorpusOptions {
    @Option(
            names = "--corpus",
            arity = "1..*",
            paramLabel = "PATH",
            description = "Text files, directories or globs (plain text, JSON Lines, Parquet; .gz/.xz/.zst).")
    List<String> paths;

    @Option(
            names = "--documents",
            paramLabel = "BOUNDARY",
            defaultValue = "blank-line",
            description = "How plain text is cut into documents: blank-line (default), line or file.")
    String boundary;

    @Option(
            names = "--json-field",
            paramLabel = "NAME",
            defaultValue = "text",
            description = "JSON Lines field with the text (default: text).")
    String jsonField;

    @Option(
            names = "--parquet-column",
            paramLabel = "NAME",
            defaultValue = "text",
            description = "Parquet column with the text (default: text).")
    String parquetColumn;

    boolean given() {
        return paths != null && !paths.isEmpty();
    }

    TextSource open() {
        DocumentBoundary b = switch (boundary) {
            case "blank-line" -> DocumentBoundary.BLANK_LINE;
            case "line" -> DocumentBoundary.LINE;
            case "file" -> DocumentBoundary.FILE;
            default ->
                throw new BadInputException("--documents must be blank-line, line or file, not '" + boundary + "'");
        };
        SourceOptions options = new SourceOptions(SourceFormat.AUTO, b, jsonField, parquetColumn);
        try {
            return Corpora.open(options, paths);
        } catch (CorpusException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
