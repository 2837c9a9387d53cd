package dev.tokensmith.core.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes that never leave a partial file behind: the content goes to a hidden temp file in the target's
 * directory (so the final move stays on one file system and can be atomic), which then replaces the target. If
 * writing fails, the temp file is deleted and the target is left as it was.
 *
 * <pre>{@code
 * AtomicFiles.writeString(path, json);
 * AtomicFiles.write(path, out -> out.write(header));                 // buffered stream
 * AtomicFiles.writeChannel(path, ch -> ch.write(segment.asByteBuffer())); // large or memory-mapped data
 * AtomicFiles.writeDirectory(modelDir, dir -> writeModelFiles(dir));      // a folder, whole or not at all
 * }</pre>
 */
public final class AtomicFiles {
    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {}

    /** Something that writes to {@code T} and may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    public static void writeString(Path target, String content) throws IOException {
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, byte[] content) throws IOException {
        replace(target, tmp -> Files.write(tmp, content));
    }

    /** Streams the content through a buffered stream that {@code body} writes to (and must not close). */
    public static void write(Path target, IoConsumer<? super OutputStream> body) throws IOException {
        replace(target, tmp -> {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING), BUFFER_BYTES)) {
                body.accept(out);
            }
        });
    }

    /**
     * Writes the content through a file channel, for data already in (possibly memory-mapped) buffers that
     * should not be copied through a stream; {@code body} must not close the channel.
     */
    public static void writeChannel(Path target, IoConsumer<? super FileChannel> body) throws IOException {
        replace(target, tmp -> {
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                body.accept(ch);
            }
        });
    }

    /**
     * Builds a whole directory in a hidden temp directory beside {@code target} ({@code .name.tmp-<uuid>}), then
     * moves it into place: a failure leaves nothing behind. {@code target} must not exist, or be an empty
     * directory (which is replaced); {@code fill} gets the temp directory, already created.
     */
    public static void writeDirectory(Path target, IoConsumer<Path> fill) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createDirectory(abs.resolveSibling("." + abs.getFileName() + ".tmp-" + UUID.randomUUID()));
        try {
            fill.accept(tmp);
            Files.deleteIfExists(abs); // an empty directory; a non-empty one fails here, before anything moves
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs);
            }
        } finally {
            deleteRecursively(tmp);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Creates the temp file, lets {@code fill} write it, then moves it over {@code target}. */
    private static void replace(Path target, IoConsumer<Path> fill) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            fill.accept(tmp);
            // createTempFile makes the file owner-only; an output file should get the usual rw-r--r--.
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
