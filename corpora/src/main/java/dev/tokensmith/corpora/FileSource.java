package dev.tokensmith.corpora;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** One file or resource: format and compression are detected each time it is opened. */
final class FileSource implements TextSource {
    private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final Input input;
    private final SourceOptions options;

    FileSource(Input input, SourceOptions options) {
        this.input = input;
        this.options = options;
    }

    @Override
    public String name() {
        return input.name();
    }

    @Override
    public OptionalLong sizeBytes() {
        return input.size();
    }

    @Override
    public Stream<String> documents() {
        return DocumentStreams.of(open(), input.name());
    }

    @Override
    public String toString() {
        return name();
    }

    private DocumentReader open() {
        String name = input.name();
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(input.open(), 1 << 16);
            raw.mark(Compression.MAGIC_LENGTH);
            byte[] head = raw.readNBytes(Compression.MAGIC_LENGTH);
            raw.reset();
            SourceFormat format = format(head);
            if (format == SourceFormat.PARQUET) {
                raw.close();
                raw = null;
                var path = input.path()
                        .orElseThrow(() -> new CorpusException(name + ": Parquet needs a file (random access)"));
                return new ParquetReader(path, name, options.parquetColumn());
            }
            Compression compression = Compression.sniff(head, head.length);
            InputStream text =
                    new StrictUtf8InputStream(compression.decompress(raw), name, compression != Compression.NONE);
            return format == SourceFormat.JSON_LINES
                    ? new JsonLinesReader(text, name, options.jsonField())
                    : new PlainTextReader(text, options.boundary());
        } catch (IOException e) {
            closeQuietly(raw);
            throw new CorpusException(name + ": cannot open: " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private SourceFormat format(byte[] head) {
        if (options.format() != SourceFormat.AUTO) {
            return options.format();
        }
        if (Compression.startsWith(head, head.length, PARQUET_MAGIC)) {
            return SourceFormat.PARQUET;
        }
        String file = Compression.stripSuffix(input.name().toLowerCase(Locale.ROOT));
        return file.endsWith(".jsonl") || file.endsWith(".ndjson") ? SourceFormat.JSON_LINES : SourceFormat.TEXT;
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the error being reported matters more
            }
        }
    }
}
