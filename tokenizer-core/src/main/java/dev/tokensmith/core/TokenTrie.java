package dev.tokensmith.core;

import java.util.HashMap;
import java.util.Map;

/**
 * A character trie over added-token contents that finds leftmost-longest matches (the semantics of HF's
 * Aho-Corasick matcher with {@code MatchKind::LeftmostLongest}).
 */
final class TokenTrie {
    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        int id = -1;
    }

    private final Node root = new Node();
    private final Map<Integer, Integer> lengths = new HashMap<>();

    TokenTrie(Map<String, Integer> patterns) {
        for (Map.Entry<String, Integer> e : patterns.entrySet()) {
            Node n = root;
            for (int i = 0; i < e.getKey().length(); i++) {
                n = n.next.computeIfAbsent(e.getKey().charAt(i), c -> new Node());
            }
            n.id = e.getValue();
            lengths.put(e.getValue(), e.getKey().length());
        }
    }

    int lengthOf(int id) {
        return lengths.get(id);
    }

    /**
     * The leftmost match at or after {@code from}, longest among those starting there, as {@code (start << 32) |
     * id}; -1 when none.
     */
    long leftmostLongest(String s, int from) {
        for (int start = from; start < s.length(); start++) {
            Node n = root;
            int bestId = -1;
            for (int i = start; i < s.length(); i++) {
                n = n.next.get(s.charAt(i));
                if (n == null) {
                    break;
                }
                if (n.id >= 0) {
                    bestId = n.id;
                }
            }
            if (bestId >= 0) {
                return ((long) start << 32) | (bestId & 0xFFFFFFFFL);
            }
        }
        return -1;
    }
}
