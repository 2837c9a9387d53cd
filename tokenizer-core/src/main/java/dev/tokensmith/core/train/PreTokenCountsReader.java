package dev.tokensmith.core.train;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Streams the entries of a {@link PreTokenCountsFile} in order, holding one entry at a time. Opening checks the
 * header and trailer (so a truncated file fails at once); every entry is checked as it is read (order, front
 * coding, lengths), and the last {@link #next()} checks the entry count, the total and the CRC32C. Every problem
 * is a {@link PreTokenCountsFormatException} naming the file. Not thread-safe.
 */
public final class PreTokenCountsReader implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    private final long entriesEnd;
    private final byte[] trailerCounts = new byte[16];
    private final int storedCrc;
    private final long entryCount;
    private final long total;
    private final PreTokenCountsMetadata metadata;
    private long bufStart;
    private byte[] key = new byte[64];
    private int keyLength;
    private long count;
    private long read;
    private long sum;
    private boolean done;

    PreTokenCountsReader(Path file) throws IOException {
        this.file = file;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "counts file not found");
        }
        try {
            long size = channel.size();
            if (size < PreTokenCountsFile.HEADER_BYTES + PreTokenCountsFile.TRAILER_BYTES) {
                throw error("not a pre-token counts file (too short: " + size + " bytes)");
            }
            ByteBuffer header = readAt(0, PreTokenCountsFile.HEADER_BYTES);
            byte[] magic = new byte[8];
            header.get(magic);
            if (!Arrays.equals(magic, PreTokenCountsFile.MAGIC)) {
                throw error("not a pre-token counts file (bad magic number)");
            }
            int version = Short.toUnsignedInt(header.getShort());
            if (version != PreTokenCountsFile.VERSION) {
                throw error(
                        "unsupported version " + version + " (this reader reads " + PreTokenCountsFile.VERSION + ")");
            }
            header.getShort(); // flags: none defined
            long metadataLength = Integer.toUnsignedLong(header.getInt());
            ByteBuffer trailer = readAt(size - PreTokenCountsFile.TRAILER_BYTES, PreTokenCountsFile.TRAILER_BYTES);
            trailer.get(trailerCounts);
            storedCrc = trailer.getInt();
            byte[] end = new byte[4];
            trailer.get(end);
            if (!Arrays.equals(end, PreTokenCountsFile.END_MAGIC)) {
                throw error("truncated or unfinished (no end marker)");
            }
            ByteBuffer counts = ByteBuffer.wrap(trailerCounts);
            entryCount = counts.getLong();
            total = counts.getLong();
            entriesEnd = size - PreTokenCountsFile.TRAILER_BYTES;
            if (entryCount < 0 || total < 0 || PreTokenCountsFile.HEADER_BYTES + metadataLength > entriesEnd) {
                throw error("corrupted (header or trailer out of range)");
            }
            buf.limit(0);
            readFully(new byte[PreTokenCountsFile.HEADER_BYTES], 0, PreTokenCountsFile.HEADER_BYTES);
            byte[] json = new byte[(int) metadataLength];
            readFully(json, 0, json.length);
            try {
                metadata = PreTokenCountsMetadata.fromJson(new String(json, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw error("corrupted: " + e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public PreTokenCountsMetadata metadata() {
        return metadata;
    }

    /** The number of entries, from the trailer (checked against the entries at the end). */
    public long entryCount() {
        return entryCount;
    }

    /** The sum of all counts, from the trailer (checked against the entries at the end). */
    public long total() {
        return total;
    }

    /**
     * Moves to the next entry; false after the last one, once the file has been checked whole.
     *
     * @throws PreTokenCountsFormatException when the file is corrupted
     */
    public boolean next() throws IOException {
        if (done) {
            return false;
        }
        if (position() == entriesEnd) {
            finishChecks();
            done = true;
            return false;
        }
        long shared = readVarint("prefix length");
        long suffix = readVarint("suffix length");
        if (shared < 0 || shared > keyLength || (read == 0 && shared != 0)) {
            throw error("corrupted at entry " + read + " (shared prefix " + shared + " longer than previous "
                    + keyLength + ")");
        }
        if (suffix < 0 || suffix > entriesEnd - position() || shared + suffix > Integer.MAX_VALUE - 8) {
            throw error("corrupted at entry " + read + " (suffix of " + suffix + " bytes runs past the entries)");
        }
        int length = (int) (shared + suffix);
        if (length > key.length) {
            key = Arrays.copyOf(key, Math.max(length, key.length * 2));
        }
        int at = (int) shared;
        byte before = at < keyLength ? key[at] : 0;
        readFully(key, at, (int) suffix);
        boolean increasing = read == 0
                || (suffix > 0 && (at == keyLength || Byte.toUnsignedInt(key[at]) > Byte.toUnsignedInt(before)));
        if (!increasing) {
            throw error("corrupted at entry " + read + " (pre-tokens out of order)");
        }
        keyLength = length;
        count = readVarint("count");
        if (count < 0) {
            throw error("corrupted at entry " + read + " (count out of range)");
        }
        sum += count;
        if (sum < 0) {
            throw error("corrupted at entry " + read + " (total overflows)");
        }
        read++;
        return true;
    }

    /** The current pre-token's bytes in {@code key()[0, keyLength())}; the array is reused by {@link #next()}. */
    public byte[] key() {
        return key;
    }

    public int keyLength() {
        return keyLength;
    }

    /** A copy of the current pre-token's bytes. */
    public byte[] keyBytes() {
        return Arrays.copyOf(key, keyLength);
    }

    public String keyString() {
        return new String(key, 0, keyLength, StandardCharsets.UTF_8);
    }

    public long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void finishChecks() throws PreTokenCountsFormatException {
        crc.update(trailerCounts, 0, trailerCounts.length);
        if ((int) crc.getValue() != storedCrc) {
            throw error("corrupted (checksum mismatch)");
        }
        if (read != entryCount) {
            throw error("corrupted (" + read + " entries, trailer says " + entryCount + ")");
        }
        if (sum != total) {
            throw error("corrupted (counts sum to " + sum + ", trailer says " + total + ")");
        }
    }

    private long position() {
        return bufStart + buf.position();
    }

    private long readVarint(String what) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (!buf.hasRemaining() && !fill()) {
                throw error("truncated or corrupted at entry " + read + " (" + what + " runs past the entries)");
            }
            int b = buf.get();
            if (shift == 63 && (b & 0xFE) != 0) {
                break;
            }
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    break;
                }
                return v;
            }
        }
        throw error("corrupted at entry " + read + " (bad varint in " + what + ")");
    }

    private void readFully(byte[] into, int at, int length) throws IOException {
        while (length > 0) {
            if (!buf.hasRemaining() && !fill()) {
                throw error("truncated or corrupted at entry " + read + " (runs past the entries)");
            }
            int n = Math.min(length, buf.remaining());
            buf.get(into, at, n);
            at += n;
            length -= n;
        }
    }

    /** Refills the buffer from the entries region, adding what it reads to the checksum. */
    private boolean fill() throws IOException {
        bufStart += buf.limit();
        buf.clear();
        long left = entriesEnd - bufStart;
        if (left <= 0) {
            buf.limit(0);
            return false;
        }
        buf.limit((int) Math.min(buf.capacity(), left));
        while (buf.hasRemaining()) {
            if (channel.read(buf, bufStart + buf.position()) < 0) {
                throw error("truncated (file shrank while reading)");
            }
        }
        buf.flip();
        crc.update(buf.array(), 0, buf.limit());
        return true;
    }

    private ByteBuffer readAt(long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                throw error("truncated");
            }
        }
        return b.flip();
    }

    private PreTokenCountsFormatException error(String problem) {
        return new PreTokenCountsFormatException(file, problem);
    }
}
