package dev.tokensmith.core.fast;

import dev.tokensmith.core.text.IntList;

/**
 * An exact shortcut through normalizer, pre-tokenizer and model for one pipeline shape: it encodes a segment of
 * text that holds no added token straight to ids and offsets, without building normalized strings, and gives
 * the same tokens, offsets and word boundaries as the general pipeline. Implementations are immutable and
 * thread-safe; per-call scratch space is their own business (thread-local or allocated).
 */
public interface SegmentEncoder {
    /**
     * Appends the tokens of {@code text[from, to)} to {@code out}, calling {@link TokenSink#endWord()} after
     * each pre-token; offsets are in {@code text}'s UTF-16 units.
     */
    void encode(String text, int from, int to, TokenSink out);

    /** Appends only the ids of {@code text[from, to)}: what {@link #encode} gives, without offsets. */
    default void encodeIds(String text, int from, int to, IntList out) {
        TokenSink sink = TokenSink.scratch();
        sink.clear();
        encode(text, from, to, sink);
        for (int i = 0; i < sink.size(); i++) {
            out.add(sink.idAt(i));
        }
    }

    /** The number of tokens {@code text[from, to)} encodes to; allocates nothing once warm. */
    int count(String text, int from, int to);

    /**
     * The last position in {@code (from, to)} where {@code text} may be cut without changing its tokens (the
     * tokens of both parts, one after the other, are those of the whole, whatever follows {@code to}), or -1
     * when there is none or the encoder cannot tell. Streaming encoding cuts large inputs there.
     */
    default int lastSafeCut(String text, int from, int to) {
        return -1;
    }

    /**
     * Whether {@link #encodeIds} and {@link #count} read a lone surrogate as U+FFFD, the character the tokenizer
     * puts in its place before encoding: then the tokenizer need not first copy the text to replace them.
     */
    default boolean readsLoneSurrogatesAsReplacement() {
        return false;
    }
}
