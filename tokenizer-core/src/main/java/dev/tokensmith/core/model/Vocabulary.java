package dev.tokensmith.core.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A token to id vocabulary and its reverse, as the BPE, WordPiece and WordLevel models keep them. Ids may have
 * holes. When several tokens share an id the reverse keeps the last one in the given map's order (HF keeps an
 * arbitrary one: its reverse map is built from a hash map).
 */
final class Vocabulary {
    private final Map<String, Integer> tokenToId;
    private final String[] dense; // id -> token; null entries are holes; null when ids are too sparse
    private final TreeMap<Integer, String> sparse;
    private final int maxTokenLength;

    private Vocabulary(
            Map<String, Integer> tokenToId, String[] dense, TreeMap<Integer, String> sparse, int maxTokenLength) {
        this.tokenToId = tokenToId;
        this.dense = dense;
        this.sparse = sparse;
        this.maxTokenLength = maxTokenLength;
    }

    static Vocabulary of(Map<String, Integer> vocab) {
        Map<String, Integer> copy = new HashMap<>(Math.max(16, vocab.size() * 4 / 3 + 1));
        int maxId = -1;
        int maxLength = 0;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            int id = e.getValue();
            if (id < 0) {
                throw new IllegalArgumentException("negative id " + id + " for token " + e.getKey());
            }
            copy.put(e.getKey(), id);
            maxId = Math.max(maxId, id);
            maxLength = Math.max(maxLength, e.getKey().length());
        }
        String[] dense = null;
        TreeMap<Integer, String> sparse = null;
        if (maxId < 2L * copy.size() + 1024) {
            dense = new String[maxId + 1];
            for (Map.Entry<String, Integer> e : vocab.entrySet()) {
                dense[e.getValue()] = e.getKey();
            }
        } else {
            sparse = new TreeMap<>();
            for (Map.Entry<String, Integer> e : vocab.entrySet()) {
                sparse.put(e.getValue(), e.getKey());
            }
        }
        return new Vocabulary(Collections.unmodifiableMap(copy), dense, sparse, maxLength);
    }

    /** The id of {@code token}, or -1. */
    int id(String token) {
        Integer id = tokenToId.get(token);
        return id == null ? -1 : id;
    }

    /** The token with id {@code id}, or null. */
    String token(int id) {
        if (dense != null) {
            return id >= 0 && id < dense.length ? dense[id] : null;
        }
        return sparse.get(id);
    }

    int size() {
        return tokenToId.size();
    }

    /** Length in UTF-16 units of the longest token. */
    int maxTokenLength() {
        return maxTokenLength;
    }

    Map<String, Integer> map() {
        return tokenToId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && tokenToId.equals(v.tokenToId);
    }

    @Override
    public int hashCode() {
        return tokenToId.hashCode();
    }
}
