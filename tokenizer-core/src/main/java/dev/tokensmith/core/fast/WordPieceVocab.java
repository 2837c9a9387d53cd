package dev.tokensmith.core.fast;

import java.util.Arrays;
import java.util.Map;

/**
 * A WordPiece vocabulary for matching inside a char buffer without building strings: a hash table of whole
 * tokens (most words are one) and a trie over UTF-16 units for greedy longest-match-first, where a continuation
 * piece is looked up by walking on from the node the subword prefix leads to.
 */
final class WordPieceVocab {
    static final int ROOT = 0;

    // Trie: edges (node, unit) in one open-addressing table; values per node (-1: no token ends there).
    private final long[] edgeKeys;
    private final int[] edgeNodes;
    private final int edgeMask;
    private int[] values = new int[1024];
    private int nodes = 1;
    private final int prefixNode;

    // Whole tokens: open addressing over token indices; token text in one char pool.
    private final int[] slots;
    private final int slotMask;
    private final char[] pool;
    private final int[] tokenStart;
    private final int[] tokenHash;
    private final int[] tokenId;

    WordPieceVocab(Map<String, Integer> vocab, String continuingSubwordPrefix) {
        int n = vocab.size();
        long chars = 0;
        for (String t : vocab.keySet()) {
            chars += t.length();
        }
        int edgeCapacity = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(16, chars * 2 + 2)) * 2 - 1);
        edgeKeys = new long[edgeCapacity];
        edgeNodes = new int[edgeCapacity];
        edgeMask = edgeCapacity - 1;
        Arrays.fill(values, -1);

        int slotCapacity = Integer.highestOneBit(Math.max(16, n * 2) * 2 - 1);
        slots = new int[slotCapacity];
        Arrays.fill(slots, -1);
        slotMask = slotCapacity - 1;
        pool = new char[(int) chars];
        tokenStart = new int[n + 1];
        tokenHash = new int[n];
        tokenId = new int[n];

        int k = 0;
        int at = 0;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            String t = e.getKey();
            int id = e.getValue();
            t.getChars(0, t.length(), pool, at);
            tokenStart[k] = at;
            tokenId[k] = id;
            int h = hash(pool, at, at + t.length());
            tokenHash[k] = h;
            int s = h & slotMask;
            while (slots[s] >= 0) {
                s = (s + 1) & slotMask;
            }
            slots[s] = k;
            at += t.length();
            k++;
            insert(t, id);
        }
        tokenStart[n] = at;
        prefixNode = walk(continuingSubwordPrefix);
    }

    private void insert(String token, int id) {
        if (token.isEmpty()) {
            return; // never matched: a piece is at least one code point
        }
        int node = ROOT;
        for (int i = 0; i < token.length(); i++) {
            long key = edgeKey(node, token.charAt(i));
            int slot = edgeSlot(key);
            if (edgeKeys[slot] == 0) {
                if (nodes == values.length) {
                    int old = values.length;
                    values = Arrays.copyOf(values, old * 2);
                    Arrays.fill(values, old, values.length, -1);
                }
                edgeKeys[slot] = key;
                edgeNodes[slot] = nodes++;
            }
            node = edgeNodes[slot];
        }
        values[node] = id;
    }

    private int walk(String s) {
        int node = ROOT;
        for (int i = 0; i < s.length() && node >= 0; i++) {
            node = child(node, s.charAt(i));
        }
        return node;
    }

    private static long edgeKey(int node, char c) {
        return ((long) (node + 1) << 16) | c;
    }

    private int edgeSlot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        int i = (int) (h >>> 40) & edgeMask;
        while (true) {
            long k = edgeKeys[i];
            if (k == key || k == 0) {
                return i;
            }
            i = (i + 1) & edgeMask;
        }
    }

    /** The node reached from {@code node} along {@code c}, or -1. */
    int child(int node, char c) {
        long key = edgeKey(node, c);
        long h = key * 0x9E3779B97F4A7C15L;
        int i = (int) (h >>> 40) & edgeMask;
        while (true) {
            long k = edgeKeys[i];
            if (k == key) {
                return edgeNodes[i];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & edgeMask;
        }
    }

    /** The id of the token that ends at {@code node}, or -1. */
    int value(int node) {
        return values[node];
    }

    /** The node of the continuing-subword prefix, from which continuation pieces are walked; -1 when none is. */
    int prefixNode() {
        return prefixNode;
    }

    /** The id of the token {@code buf[from, to)}, or -1. */
    int id(char[] buf, int from, int to) {
        int h = hash(buf, from, to);
        int len = to - from;
        for (int s = h & slotMask; ; s = (s + 1) & slotMask) {
            int k = slots[s];
            if (k < 0) {
                return -1;
            }
            if (tokenHash[k] == h && tokenStart[k + 1] - tokenStart[k] == len && equal(buf, from, tokenStart[k], len)) {
                return tokenId[k];
            }
        }
    }

    private boolean equal(char[] buf, int from, int at, int len) {
        for (int i = 0; i < len; i++) {
            if (buf[from + i] != pool[at + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] buf, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
