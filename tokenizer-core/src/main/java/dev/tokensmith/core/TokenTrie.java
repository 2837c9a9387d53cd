package dev.tokensmith.core;

import dev.tokensmith.core.text.LongIntMap;
import java.util.Arrays;
import java.util.Map;

/**
 * A character trie over added-token contents that finds leftmost-longest matches (the semantics of HF's
 * Aho-Corasick matcher with {@code MatchKind::LeftmostLongest}). Encoding scans every character of the input
 * through it, so a table of possible first characters rejects most positions with one array read, and edges
 * live in a primitive open-addressing table.
 */
final class TokenTrie {
    private final boolean[] firstChar = new boolean[Character.MAX_VALUE + 1];
    private long[] edgeKeys = new long[64]; // (node << 16 | char) + 1; 0 = empty
    private int[] edgeTargets = new int[64];
    private int edgeCount;
    private int[] nodeId = new int[16]; // token id ending at a node, or -1
    private int nodes = 1;
    private final LongIntMap lengths = new LongIntMap(16); // id -> length, unboxed: read on every match
    /** The first character of every token when they all share one, else -1. */
    private final int onlyFirstChar;

    TokenTrie(Map<String, Integer> patterns) {
        Arrays.fill(nodeId, -1);
        int shared = -1;
        boolean first = true;
        for (Map.Entry<String, Integer> e : patterns.entrySet()) {
            String token = e.getKey();
            if (token.isEmpty()) {
                continue;
            }
            firstChar[token.charAt(0)] = true;
            shared = first || shared == token.charAt(0) ? token.charAt(0) : -1;
            first = false;
            int n = 0;
            for (int i = 0; i < token.length(); i++) {
                int child = child(n, token.charAt(i));
                if (child < 0) {
                    child = newNode();
                    putEdge(n, token.charAt(i), child);
                }
                n = child;
            }
            nodeId[n] = e.getValue();
            lengths.put(e.getValue(), token.length(), -1);
        }
        onlyFirstChar = shared;
    }

    private int newNode() {
        if (nodes == nodeId.length) {
            int old = nodeId.length;
            nodeId = Arrays.copyOf(nodeId, old * 2);
            Arrays.fill(nodeId, old, nodeId.length, -1);
        }
        return nodes++;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 31)) & mask;
    }

    private void putEdge(int node, char c, int target) {
        if ((edgeCount + 1) * 2 > edgeKeys.length) {
            long[] oldKeys = edgeKeys;
            int[] oldTargets = edgeTargets;
            edgeKeys = new long[oldKeys.length * 2];
            edgeTargets = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    insert(oldKeys[i], oldTargets[i]);
                }
            }
        }
        insert((((long) node << 16) | c) + 1, target);
        edgeCount++;
    }

    private void insert(long key, int target) {
        int mask = edgeKeys.length - 1;
        int i = slot(key, mask);
        while (edgeKeys[i] != 0) {
            i = (i + 1) & mask;
        }
        edgeKeys[i] = key;
        edgeTargets[i] = target;
    }

    private int child(int node, char c) {
        long key = (((long) node << 16) | c) + 1;
        int mask = edgeKeys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = edgeKeys[i];
            if (k == key) {
                return edgeTargets[i];
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    int lengthOf(int id) {
        return lengths.get(id, -1);
    }

    /** {@link #leftmostLongest(String, int, int)} up to the end of {@code s}. */
    long leftmostLongest(String s, int from) {
        return leftmostLongest(s, from, s.length());
    }

    /**
     * The leftmost match inside {@code s[from, to)}, longest among those starting there, as {@code (start << 32)
     * | id}; -1 when none.
     */
    long leftmostLongest(String s, int from, int to) {
        if (onlyFirstChar >= 0) {
            return leftmostLongestFrom((char) onlyFirstChar, s, from, to);
        }
        boolean[] first = firstChar;
        for (int start = from; start < to; start++) {
            if (first[s.charAt(start)]) {
                int id = longestAt(s, start, to);
                if (id >= 0) {
                    return ((long) start << 32) | (id & 0xFFFFFFFFL);
                }
            }
        }
        return -1;
    }

    /**
     * As {@link #leftmostLongest(String, int, int)} when every token starts with the same character (every
     * released tokenizer: '<' or '['): {@link String#indexOf} finds the candidates, a vectorized scan, instead of
     * a table read per character.
     */
    private long leftmostLongestFrom(char first, String s, int from, int to) {
        for (int start = s.indexOf(first, from, to); start >= 0; start = s.indexOf(first, start + 1, to)) {
            int id = longestAt(s, start, to);
            if (id >= 0) {
                return ((long) start << 32) | (id & 0xFFFFFFFFL);
            }
        }
        return -1;
    }

    /** The id of the longest token that starts at {@code start} and ends by {@code to}, or -1. */
    private int longestAt(String s, int start, int to) {
        int n = 0;
        int bestId = -1;
        for (int i = start; i < to; i++) {
            n = child(n, s.charAt(i));
            if (n < 0) {
                break;
            }
            if (nodeId[n] >= 0) {
                bestId = nodeId[n];
            }
        }
        return bestId;
    }
}
