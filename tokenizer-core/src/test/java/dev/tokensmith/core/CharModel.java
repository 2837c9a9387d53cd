package dev.tokensmith.core;

import dev.tokensmith.core.model.Model;
import dev.tokensmith.core.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test model: one token per code point, ids by first appearance in a fixed alphabet, unknown = 0. */
final class CharModel implements Model {
    private final Map<String, Integer> vocab = new HashMap<>();
    private final List<String> tokens = new ArrayList<>();

    CharModel(String alphabet) {
        add("<unk>");
        alphabet.codePoints().forEach(c -> add(new String(Character.toChars(c))));
    }

    private void add(String t) {
        if (!vocab.containsKey(t)) {
            vocab.put(t, tokens.size());
            tokens.add(t);
        }
    }

    @Override
    public List<Token> tokenize(String piece) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < piece.length(); ) {
            int c = piece.codePointAt(i);
            int w = Character.charCount(c);
            String s = piece.substring(i, i + w);
            out.add(new Token(vocab.getOrDefault(s, 0), s, i, i + w));
            i += w;
        }
        return out;
    }

    @Override
    public int tokenToId(String token) {
        return vocab.getOrDefault(token, -1);
    }

    @Override
    public String idToToken(int id) {
        return id >= 0 && id < tokens.size() ? tokens.get(id) : null;
    }

    @Override
    public int vocabSize() {
        return tokens.size();
    }

    @Override
    public Map<String, Integer> vocab() {
        return Map.copyOf(vocab);
    }
}
