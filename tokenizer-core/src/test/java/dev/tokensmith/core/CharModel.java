package dev.tokensmith.core;

import dev.tokensmith.core.model.Bpe;
import dev.tokensmith.core.model.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test model: one token per code point, ids by first appearance in a fixed alphabet, unknown = 0. */
final class CharModel {
    private CharModel() {}

    /** A BPE without merges over {@code alphabet}: each character is its own token, others are {@code <unk>}. */
    static Model of(String alphabet) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        vocab.put("<unk>", 0);
        alphabet.codePoints().forEach(c -> vocab.putIfAbsent(new String(Character.toChars(c)), vocab.size()));
        return Bpe.builder(vocab, List.of()).unkToken("<unk>").build();
    }
}
