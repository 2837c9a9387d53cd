package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.PreTokenizedString;

/** Splits text into the pieces the model tokenizes one by one. Immutable and thread-safe. */
public interface PreTokenizer {
    void preTokenize(PreTokenizedString text);
}
