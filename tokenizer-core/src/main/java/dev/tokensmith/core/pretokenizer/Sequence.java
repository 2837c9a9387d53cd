package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.PreTokenizedString;
import java.util.List;

/** Applies pre-tokenizers one after the other. */
public record Sequence(List<PreTokenizer> preTokenizers) implements PreTokenizer {
    public Sequence {
        preTokenizers = List.copyOf(preTokenizers);
    }

    @Override
    public void preTokenize(PreTokenizedString text) {
        for (PreTokenizer p : preTokenizers) {
            p.preTokenize(text);
        }
    }
}
