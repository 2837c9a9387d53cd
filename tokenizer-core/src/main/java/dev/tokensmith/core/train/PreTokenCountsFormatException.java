package dev.tokensmith.core.train;

import java.io.IOException;
import java.nio.file.Path;

/** A counts file that cannot be read: one line naming the file and what is wrong with it. */
public final class PreTokenCountsFormatException extends IOException {
    private final transient Path file;

    public PreTokenCountsFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
