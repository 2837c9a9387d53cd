package dev.tokensmith.core.processor;

import dev.tokensmith.core.Encoding;
import java.util.List;

/** Adds special tokens and type ids around encoded sequences. Immutable and thread-safe. */
public interface PostProcessor {
    /** How many tokens {@link #process} adds for a single sequence or a pair. */
    int addedTokens(boolean isPair);

    /**
     * Processes one encoding or a pair (list of one or two); the result is concatenated by the tokenizer.
     * Without {@code addSpecialTokens} only non-special adjustments (type ids, offsets) are made.
     */
    List<Encoding> process(List<Encoding> encodings, boolean addSpecialTokens);
}
