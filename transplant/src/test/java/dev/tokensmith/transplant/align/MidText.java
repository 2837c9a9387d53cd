package dev.tokensmith.transplant.align;

import dev.tokensmith.core.Tokenizer;
import java.util.Arrays;

/**
 * The oracle the canonical form is checked against: the bytes a tokenizer's own decoder gives a token in the
 * middle of a text, i.e. after the token of {@code "a"} (decoding alone would meet the start-of-text rules: Llama
 * 2's decoder strips the first space).
 */
final class MidText {
    private final Tokenizer tokenizer;
    private final int context;
    private final byte[] contextBytes;

    MidText(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        int[] ids = tokenizer.encodeIds("a", false);
        if (ids.length != 1) {
            throw new IllegalStateException("\"a\" is not one token: " + Arrays.toString(ids));
        }
        this.context = ids[0];
        this.contextBytes = tokenizer.decodeBytes(new int[] {context}, false);
    }

    /** The bytes {@code id} adds after the context token. */
    byte[] bytes(int id) {
        byte[] all = tokenizer.decodeBytes(new int[] {context, id}, false);
        if (all.length < contextBytes.length
                || !Arrays.equals(all, 0, contextBytes.length, contextBytes, 0, contextBytes.length)) {
            throw new IllegalStateException("decoding token " + id + " changed the context before it");
        }
        return Arrays.copyOfRange(all, contextBytes.length, all.length);
    }
}
