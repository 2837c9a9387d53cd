package dev.tokensmith.corpora;

import dev.hardwood.InputFile;
import dev.hardwood.metadata.PhysicalType;
import dev.hardwood.reader.ColumnReader;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.Validity;
import dev.hardwood.schema.ColumnSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Documents from one string column of a Parquet file, a batch of rows at a time (Hardwood reads only that
 * column's pages). Null and empty values are skipped; values must be valid UTF-8.
 */
final class ParquetReader implements DocumentReader {
    /** Hardwood logs its codec choices at INFO; keep them off our stderr (a strong reference keeps the level). */
    private static final Logger HARDWOOD_LOG = Logger.getLogger("dev.hardwood");

    static {
        HARDWOOD_LOG.setLevel(Level.WARNING);
    }

    private final ParquetFileReader file;
    private final ColumnReader column;
    private final String name;
    private final String columnName;
    private byte[] values = new byte[0];
    private int[] offsets = new int[1];
    private Validity validity = Validity.NO_NULLS;
    private int count;
    private int index;
    private long row;

    ParquetReader(Path path, String name, String columnName) throws IOException {
        this.name = name;
        this.columnName = columnName;
        this.file = ParquetFileReader.open(InputFile.of(path));
        try {
            ColumnSchema schema = file.getFileSchema().getColumns().stream()
                    .filter(c -> c.name().equals(columnName))
                    .findFirst()
                    .orElseThrow(() -> new CorpusException(name + ": no column \"" + columnName
                            + "\"; the file has "
                            + file.getFileSchema().getColumns().stream()
                                    .map(ColumnSchema::name)
                                    .collect(Collectors.joining(", "))));
            if (schema.type() != PhysicalType.BYTE_ARRAY || schema.maxRepetitionLevel() != 0) {
                throw new CorpusException(name + ": column \"" + columnName + "\" is " + schema.repetitionType() + " "
                        + schema.type() + ", not a single string per row");
            }
            this.column = file.columnReader(columnName);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public String next() throws IOException {
        while (true) {
            while (index < count) {
                int i = index++;
                long r = row++;
                if (validity.isNull(i) || offsets[i + 1] == offsets[i]) {
                    continue;
                }
                int start = offsets[i];
                int length = offsets[i + 1] - start;
                long bad = Utf8Validator.firstInvalid(values, start, length);
                if (bad >= 0) {
                    throw new CorpusException(name + ": row " + r + " of column \"" + columnName
                            + "\": invalid UTF-8 at byte offset " + bad + " of the value");
                }
                return new String(values, start, length, StandardCharsets.UTF_8);
            }
            if (!nextBatch()) {
                return null;
            }
        }
    }

    private boolean nextBatch() {
        try {
            if (!column.nextBatch()) {
                return false;
            }
            values = column.getBinaryValues();
            offsets = column.getBinaryOffsets();
            validity = column.getLeafValidity();
            count = column.getValueCount();
            index = 0;
            return true;
        } catch (RuntimeException e) {
            if (e instanceof CorpusException) {
                throw e;
            }
            throw new CorpusException(name + ": cannot read column \"" + columnName + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            column.close();
        } finally {
            file.close();
        }
    }
}
