package dev.tokensmith.cli.compare;

/**
 * One side of a differential comparison: a tokenizer as far as encoding and decoding show it. Both Tokensmith
 * and the HF reference are seen through this, so the comparison treats them alike.
 */
public interface ComparedTokenizer extends AutoCloseable {
    /** Who this is, for reports ("tokensmith", "HF tokenizers 0.21 via DJL"). */
    String name();

    Tokenization encode(String text, boolean addSpecialTokens);

    String decode(int[] ids, boolean skipSpecialTokens);

    /** Releases native resources, if any. */
    @Override
    default void close() {}
}
