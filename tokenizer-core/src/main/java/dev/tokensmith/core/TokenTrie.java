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
    /** The distinct first characters when there are few (released tokenizers have one: '<' or '['), else null. */
    private final char[] fewFirstChars;

    TokenTrie(Map<String, Integer> patterns) {
        Arrays.fill(nodeId, -1);
        for (Map.Entry<String, Integer> e : patterns.entrySet()) {
            String token = e.getKey();
            if (token.isEmpty()) {
                continue;
            }
            firstChar[token.charAt(0)] = true;
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
        StringBuilder firsts = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE && firsts.length() <= MAX_FEW_FIRST_CHARS; c++) {
            if (firstChar[c]) {
                firsts.append((char) c);
            }
        }
        fewFirstChars =
                firsts.length() <= MAX_FEW_FIRST_CHARS ? firsts.toString().toCharArray() : null;
    }

    private static final int MAX_FEW_FIRST_CHARS = 4;

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
        if (fewFirstChars != null) {
            return leftmostLongestFew(s, from, to);
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
     * As {@link #leftmostLongest(String, int, int)} with few possible first characters: {@link String#indexOf}
     * finds the candidates (a vectorized scan) instead of a table read per character. Each character's next
     * position is kept until passed, so that text full of one of them is still read once.
     */
    private long leftmostLongestFew(String s, int from, int to) {
        char[] firsts = fewFirstChars;
        int k = firsts.length;
        if (k == 0) {
            return -1;
        }
        // Next position of each first character from start: -2 not searched yet, -1 none before `to`.
        int n0 = -2;
        int n1 = -2;
        int n2 = -2;
        int n3 = -2;
        int start = from;
        while (start < to) {
            if (n0 < start && n0 != -1) {
                n0 = s.indexOf(firsts[0], start, to);
            }
            int candidate = n0 < 0 ? to : n0;
            if (k > 1) {
                if (n1 < start && n1 != -1) {
                    n1 = s.indexOf(firsts[1], start, to);
                }
                candidate = n1 >= 0 ? Math.min(candidate, n1) : candidate;
            }
            if (k > 2) {
                if (n2 < start && n2 != -1) {
                    n2 = s.indexOf(firsts[2], start, to);
                }
                candidate = n2 >= 0 ? Math.min(candidate, n2) : candidate;
            }
            if (k > 3) {
                if (n3 < start && n3 != -1) {
                    n3 = s.indexOf(firsts[3], start, to);
                }
                candidate = n3 >= 0 ? Math.min(candidate, n3) : candidate;
            }
            if (candidate >= to) {
                return -1;
            }
            int id = longestAt(s, candidate, to);
            if (id >= 0) {
                return ((long) candidate << 32) | (id & 0xFFFFFFFFL);
            }
            start = candidate + 1;
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
