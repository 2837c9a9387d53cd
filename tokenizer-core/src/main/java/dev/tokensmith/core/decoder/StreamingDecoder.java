package dev.tokensmith.core.decoder;

import dev.tokensmith.core.text.Utf8;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decodes a stream of token ids piece by piece, as HF's {@code DecodeStream} does: each {@link #step} returns
 * the text the new ids add, or nothing while that text is not ready (it would end in U+FFFD, an incomplete
 * UTF-8 sequence so far, or add nothing). Decoding ids one at a time and concatenating would lose what
 * decoders do across tokens (a dropped leading space, a character split over byte tokens); this keeps a few
 * previous ids as context and returns only the difference.
 *
 * <p>It depends only on a decode function ({@code ids -> text}, e.g. a tokenizer's decode with its
 * skip-special-tokens choice bound). Not thread-safe: one instance per stream.
 */
public final class StreamingDecoder {
    private final Function<int[], String> decode;
    private int[] ids;
    private int size;
    private String prefix = "";
    private int prefixIndex;

    public StreamingDecoder(Function<int[], String> decode) {
        this(decode, new int[0]);
    }

    /** A stream that starts after {@code initialIds} (HF Python's {@code DecodeStream(ids=...)}). */
    public StreamingDecoder(Function<int[], String> decode, int[] initialIds) {
        this.decode = decode;
        this.ids = Arrays.copyOf(initialIds, Math.max(8, initialIds.length));
        this.size = initialIds.length;
    }

    /** Adds one id; returns the text it completes, if any. */
    public Optional<String> step(int id) {
        return step(new int[] {id});
    }

    /**
     * Adds ids; returns the text they complete, if any (HF's {@code step_decode_stream}).
     *
     * @throws IllegalStateException when the decoded text no longer starts with what was already returned
     *     (HF's {@code InvalidPrefix}); a decoder whose output for a longer input is not an extension of its
     *     output for a shorter one cannot be streamed this way
     */
    public Optional<String> step(int... newIds) {
        if (prefix.isEmpty() && size > 0) {
            String newPrefix = decode.apply(current());
            if (!newPrefix.endsWith("\uFFFD")) {
                prefix = newPrefix;
                prefixIndex = size;
            }
        }
        append(newIds);
        String text = decode.apply(current());
        if (Utf8.length(text) > Utf8.length(prefix) && !text.endsWith("\uFFFD")) {
            if (!text.startsWith(prefix)) {
                throw new IllegalStateException("Invalid prefix encountered while decoding stream. Token ID: "
                        + ids[size - 1] + ", Expected prefix: '" + prefix + "', Actual string: '" + text + "'");
            }
            String added = text.substring(prefix.length());
            int newPrefixIndex = size - prefixIndex;
            dropFirst(prefixIndex);
            prefix = decode.apply(current());
            prefixIndex = newPrefixIndex;
            return Optional.of(added);
        }
        return Optional.empty();
    }

    /** The ids kept as context (those the next step decodes along with its new ids). */
    public int[] pendingIds() {
        return current();
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
