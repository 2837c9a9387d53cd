package dev.tokensmith.corpora.count;

import dev.tokensmith.core.train.PreTokenCountsFile;
import dev.tokensmith.core.train.PreTokenCountsReader;
import java.io.IOException;
import java.nio.file.Path;

/** A counts file as an {@link EntrySource}. */
final class FileEntrySource implements EntrySource {
    private final PreTokenCountsReader reader;

    FileEntrySource(Path file) throws IOException {
        this.reader = PreTokenCountsFile.open(file);
    }

    @Override
    public boolean next() throws IOException {
        return reader.next();
    }

    @Override
    public byte[] key() {
        return reader.key();
    }

    @Override
    public int keyFrom() {
        return 0;
    }

    @Override
    public int keyLength() {
        return reader.keyLength();
    }

    @Override
    public long count() {
        return reader.count();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
