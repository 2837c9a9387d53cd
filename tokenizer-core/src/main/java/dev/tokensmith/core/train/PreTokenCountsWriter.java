package dev.tokensmith.core.train;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Writes a {@link PreTokenCountsFile} entry by entry. Entries must come in strictly increasing unsigned byte
 * order ({@link #add} rejects any other); the file is written beside the target under a temporary name and moved
 * into place by {@link #finish()}. Closing without finishing (an exception in a try-with-resources block)
 * deletes the temporary file and leaves the target as it was. Not thread-safe.
 */
public final class PreTokenCountsWriter implements Closeable {
    private final Path target;
    private final Path tmp;
    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final byte[] buf = new byte[1 << 16];
    private int bufLength;
    private byte[] previous = new byte[64];
    private int previousLength;
    private long entries;
    private long total;
    private boolean finished;
    private boolean closed;

    PreTokenCountsWriter(Path target, PreTokenCountsMetadata metadata) throws IOException {
        this.target = target;
        byte[] json = metadata.toJson().getBytes(StandardCharsets.UTF_8);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        this.out = Files.newOutputStream(tmp);
        try {
            writeBytes(PreTokenCountsFile.MAGIC, 0, PreTokenCountsFile.MAGIC.length);
            writeU16(PreTokenCountsFile.VERSION);
            writeU16(0);
            writeU32(json.length);
            writeBytes(json, 0, json.length);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public PreTokenCountsWriter add(byte[] token, long count) throws IOException {
        return add(token, 0, token.length, count);
    }

    public PreTokenCountsWriter add(String token, long count) throws IOException {
        return add(token.getBytes(StandardCharsets.UTF_8), count);
    }

    /** Appends one entry; it must sort strictly after the previous one, and {@code count >= 0}. */
    public PreTokenCountsWriter add(byte[] token, int from, int length, long count) throws IOException {
        if (finished || closed) {
            throw new IllegalStateException(target + ": writer already " + (finished ? "finished" : "closed"));
        }
        if (count < 0) {
            throw new IllegalArgumentException(target + ": negative count " + count);
        }
        int shared = 0;
        if (entries > 0) {
            int mismatch = Arrays.mismatch(previous, 0, previousLength, token, from, from + length);
            boolean increasing = mismatch >= 0
                    && (mismatch == previousLength
                            || (mismatch < length
                                    && Byte.toUnsignedInt(token[from + mismatch])
                                            > Byte.toUnsignedInt(previous[mismatch])));
            if (!increasing) {
                throw new IllegalArgumentException(target + ": pre-tokens out of order: \""
                        + new String(token, from, length, StandardCharsets.UTF_8) + "\" after \""
                        + new String(previous, 0, previousLength, StandardCharsets.UTF_8) + "\"");
            }
            shared = mismatch;
        }
        total = Math.addExact(total, count);
        writeVarint(shared);
        writeVarint(length - shared);
        writeBytes(token, from + shared, length - shared);
        writeVarint(count);
        if (length > previous.length) {
            previous = Arrays.copyOf(previous, Math.max(length, previous.length * 2));
        }
        System.arraycopy(token, from + shared, previous, shared, length - shared);
        previousLength = length;
        entries++;
        return this;
    }

    /** Entries written so far. */
    public long entryCount() {
        return entries;
    }

    /** Writes the trailer and moves the file into place. */
    public void finish() throws IOException {
        if (finished || closed) {
            throw new IllegalStateException(target + ": writer already " + (finished ? "finished" : "closed"));
        }
        writeU64(entries);
        writeU64(total);
        flushBuffer();
        int checksum = (int) crc.getValue();
        byte[] tail = new byte[8];
        putU32(tail, 0, checksum);
        System.arraycopy(PreTokenCountsFile.END_MAGIC, 0, tail, 4, 4);
        out.write(tail);
        out.close();
        finished = true;
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Without {@link #finish()} first: discards what was written. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!finished) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private void writeVarint(long v) throws IOException {
        if (bufLength + 10 > buf.length) {
            flushBuffer();
        }
        while ((v & ~0x7FL) != 0) {
            buf[bufLength++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[bufLength++] = (byte) v;
    }

    private void writeBytes(byte[] b, int from, int length) throws IOException {
        if (bufLength + length > buf.length) {
            flushBuffer();
            if (length > buf.length) {
                crc.update(b, from, length);
                out.write(b, from, length);
                return;
            }
        }
        System.arraycopy(b, from, buf, bufLength, length);
        bufLength += length;
    }

    private void writeU16(int v) throws IOException {
        writeBytes(new byte[] {(byte) (v >>> 8), (byte) v}, 0, 2);
    }

    private void writeU32(int v) throws IOException {
        byte[] b = new byte[4];
        putU32(b, 0, v);
        writeBytes(b, 0, 4);
    }

    private void writeU64(long v) throws IOException {
        writeU32((int) (v >>> 32));
        writeU32((int) v);
    }

    private static void putU32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private void flushBuffer() throws IOException {
        crc.update(buf, 0, bufLength);
        out.write(buf, 0, bufLength);
        bufLength = 0;
    }
}
