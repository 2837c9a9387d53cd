package dev.tokensmith.cli.bench;

import java.util.List;

/**
 * One encoder under measurement: a library's way of turning a text into tokens, reduced to the number of tokens
 * so that every encoder does the same work and the harness can check that they agree. Which encoders exist for a
 * tokenizer (and why others do not) is decided by {@link Encoders#open}.
 */
public interface BenchEncoder {
    /** Whose implementation this is: ratios compare Tokensmith with each of the others. */
    enum Library {
        TOKENSMITH,
        JTOKKIT,
        HF
    }

    /** Full encoding (ids materialised) or counting only; a count is compared with a count where one exists. */
    enum Operation {
        ENCODE,
        COUNT
    }

    /** How the tables name it, e.g. {@code tokensmith encodeIds}. */
    String name();

    Library library();

    Operation operation();

    /** Encodes {@code text} without adding special tokens and returns the number of tokens. */
    int encode(String text);

    /**
     * Encodes every text on {@code threads} and returns the total number of tokens. The default spreads single
     * calls of {@link #encode} over the threads; an encoder with a batch API of its own uses that instead.
     */
    default long encodeAll(List<String> texts, Threads threads) {
        return threads.sum(texts, this::encode);
    }
}
