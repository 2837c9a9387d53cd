package dev.tokensmith.cli.bench;

import dev.tokensmith.core.text.Utf8;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tukaani.xz.XZInputStream;

/**
 * Real text from the shared data directory ({@code corpora/<kind>/<category>.txt.xz}: plain UTF-8, documents
 * separated by blank lines, already shuffled). Only the start of each file is decompressed, as much as a sample
 * needs.
 */
final class Corpora {
    /** Documents are joined into texts of about this many bytes: a realistic unit for one encode call. */
    static final int TEXT_CAP = 8192;

    private Corpora() {}

    /**
     * About {@code bytes} bytes of whole texts from the start of {@code category} (such as {@code nl/en}), made
     * of documents joined, or cut at lines, to at most {@link #TEXT_CAP} bytes ({@link Documents#joined}).
     *
     * @throws IllegalArgumentException when the category's file is missing
     */
    static List<String> sample(Path dataDir, String category, long bytes) {
        Path file = dataDir.resolve("corpora").resolve(category + ".txt.xz");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": missing from the data directory (see its README.md)");
        }
        String text = decompressedStart(file, bytes + 4L * TEXT_CAP);
        List<String> texts = new ArrayList<>();
        long total = 0;
        for (String t : Documents.joined(Documents.byBlankLines(text), TEXT_CAP)) {
            if (total >= bytes) {
                break;
            }
            texts.add(t);
            total += Utf8.length(t);
        }
        return texts;
    }

    /**
     * The first {@code limit} bytes of the decompressed file (all of it when shorter), cut after its last line
     * break when it was truncated, so that no character or line is cut. (Not at a blank line: some documents are
     * hundreds of kilobytes long.)
     */
    private static String decompressedStart(Path file, long limit) {
        byte[] bytes;
        boolean truncated;
        try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            bytes = in.readNBytes(Math.toIntExact(limit));
            truncated = in.read() >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        int end = bytes.length;
        if (truncated) {
            end = lastLineBreak(bytes);
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static int lastLineBreak(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
