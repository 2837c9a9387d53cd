package dev.tokensmith.core.decoder;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The byte form of {@link StreamingDecoder}: decodes a stream of token ids to UTF-8 bytes (a decode function
 * such as {@code ids -> RawBytes.toBytes(String.join("", decoder.decodeChainRaw(tokens)))}, which keeps
 * invalid bytes), and returns each chunk as soon as it is known, except that a UTF-8 sequence is never split:
 * bytes that could still become a character wait for the ids that complete it. Invalid bytes, which no later
 * id can repair, are returned as they are. {@link #flush} returns what is still held back when the stream
 * ends.
 *
 * <p>Like HF's stream it keeps the previous ids as context and returns only what the new ids add. Not
 * thread-safe: one instance per stream.
 */
public final class StreamingBytesDecoder {
    private static final byte[] NONE = new byte[0];

    private final Function<int[], byte[]> decode;
    private int[] ids = new int[8];
    private int size;
    private byte[] prefix = NONE; // what decoding ids[0, size) gave that has been returned already
    private int prefixIndex;

    public StreamingBytesDecoder(Function<int[], byte[]> decode) {
        this.decode = decode;
    }

    /** Adds one id; returns the bytes it completes, if any. */
    public Optional<byte[]> step(int id) {
        return step(new int[] {id});
    }

    /**
     * Adds ids; returns the bytes they complete, if any: everything new up to a trailing incomplete UTF-8
     * sequence.
     *
     * @throws IllegalStateException when the decoded bytes no longer start with what was already returned
     */
    public Optional<byte[]> step(int... newIds) {
        if (prefix.length == 0 && size > 0) {
            byte[] newPrefix = decode.apply(current());
            if (RawBytes.incompleteTail(newPrefix, newPrefix.length) == 0) {
                prefix = newPrefix;
                prefixIndex = size;
            }
        }
        append(newIds);
        byte[] bytes = decode.apply(current());
        int tail = RawBytes.incompleteTail(bytes, bytes.length);
        int ready = bytes.length - tail;
        if (ready <= prefix.length) {
            return Optional.empty();
        }
        if (!Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new IllegalStateException("Invalid prefix encountered while decoding stream. Token ID: "
                    + ids[size - 1] + ", expected the decoded bytes to start with the " + prefix.length
                    + " bytes already returned");
        }
        byte[] added = Arrays.copyOfRange(bytes, prefix.length, ready);
        if (tail == 0) {
            int newPrefixIndex = size - prefixIndex;
            dropFirst(prefixIndex);
            prefix = decode.apply(current());
            prefixIndex = newPrefixIndex;
        } else {
            // Keep every id until the pending sequence completes; remember what was returned of their bytes.
            prefix = Arrays.copyOf(bytes, ready);
        }
        return Optional.of(added);
    }

    /** Ends the stream: returns the bytes not returned yet (an incomplete sequence, if any) and resets. */
    public byte[] flush() {
        byte[] bytes = size == 0 ? NONE : decode.apply(current());
        byte[] rest = bytes.length > prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length)
                ? Arrays.copyOfRange(bytes, prefix.length, bytes.length)
                : NONE;
        size = 0;
        prefix = NONE;
        prefixIndex = 0;
        return rest;
    }

    private int[] current() {
        return Arrays.copyOf(ids, size);
    }

    private void append(int[] more) {
        if (size + more.length > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + more.length));
        }
        System.arraycopy(more, 0, ids, size, more.length);
        size += more.length;
    }

    private void dropFirst(int count) {
        System.arraycopy(ids, count, ids, 0, size - count);
        size -= count;
    }
}
