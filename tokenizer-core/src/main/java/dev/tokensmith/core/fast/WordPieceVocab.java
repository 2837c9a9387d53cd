package dev.tokensmith.core.fast;

import java.util.Arrays;
import java.util.Map;

/**
 * A WordPiece vocabulary for matching inside a char buffer without building strings: a hash table of whole
 * tokens (most words are one) and a trie over UTF-16 units for greedy longest-match-first. A word's first piece
 * is walked from the root, a continuation piece from the node the subword prefix leads to; both first steps are
 * dense tables, deeper nodes (which have few children) keep theirs sorted in one array, breadth-first.
 */
final class WordPieceVocab {
    private static final long EMPTY = -1L;

    // Trie, breadth-first: node v's children are labels/targets[first[v], first[v + 1]), sorted by label.
    private final int[] first;
    private final char[] labels;
    private final int[] targets;
    private final int[] values; // token id ending at a node, or -1
    private final int[] fromRoot; // unit -> child of the root, or -1
    private final int[] fromPrefix; // unit -> child of the prefix's node, or -1 (all -1: no continuation pieces)

    // Whole tokens: open addressing, two longs a slot (hash and id; where the text starts in the pool and its
    // length), so that a probe reads one cache line before it compares text.
    private final long[] slots;
    private final int slotMask;
    private final char[] pool;

    WordPieceVocab(Map<String, Integer> vocab, String continuingSubwordPrefix) {
        int n = vocab.size();
        long chars = 0;
        for (String t : vocab.keySet()) {
            chars += t.length();
        }
        int slotCapacity = Integer.highestOneBit(Math.max(16, n * 2) * 2 - 1);
        slots = new long[2 * slotCapacity];
        for (int i = 1; i < slots.length; i += 2) {
            slots[i] = EMPTY;
        }
        slotMask = slotCapacity - 1;
        pool = new char[(int) chars];
        Builder trie = new Builder();
        int at = 0;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            String t = e.getKey();
            int id = e.getValue();
            if (t.isEmpty()) {
                continue; // never matched: a piece is at least one code point
            }
            t.getChars(0, t.length(), pool, at);
            int h = mix(rawHash(pool, at, at + t.length()));
            int s = h & slotMask;
            while (slots[2 * s + 1] != EMPTY) {
                s = (s + 1) & slotMask;
            }
            slots[2 * s] = ((long) h << 32) | (id & 0xFFFFFFFFL);
            slots[2 * s + 1] = ((long) at << 32) | t.length();
            at += t.length();
            trie.insert(t, id);
        }
        int prefix = trie.walk(continuingSubwordPrefix);
        // Breadth-first renumbering into the sorted child arrays.
        int nodes = trie.nodes;
        int[] order = new int[nodes]; // new number -> old
        int[] renumber = new int[nodes]; // old -> new
        first = new int[nodes + 1];
        labels = new char[nodes - 1];
        targets = new int[nodes - 1];
        values = new int[nodes];
        int tail = 1;
        int edge = 0;
        for (int v = 0; v < nodes; v++) {
            int old = order[v];
            values[v] = trie.values[old];
            first[v] = edge;
            long[] kids = trie.children(old);
            for (long kid : kids) {
                int child = (int) kid;
                order[tail] = child;
                renumber[child] = tail;
                labels[edge] = (char) (kid >>> 32);
                targets[edge++] = tail++;
            }
        }
        first[nodes] = edge;
        fromRoot = dense(0);
        fromPrefix = prefix < 0 ? dense(-1) : dense(renumber[prefix]);
    }

    private int[] dense(int node) {
        int[] out = new int[65536];
        Arrays.fill(out, -1);
        if (node >= 0) {
            for (int e = first[node]; e < first[node + 1]; e++) {
                out[labels[e]] = targets[e];
            }
        }
        return out;
    }

    /** The child of the root along {@code c} (a word's first piece starts here), or -1. */
    int fromRoot(char c) {
        return fromRoot[c];
    }

    /** The child of the prefix's node along {@code c} (a continuation piece starts here), or -1. */
    int fromPrefix(char c) {
        return fromPrefix[c];
    }

    /** The node reached from {@code node} along {@code c}, or -1. */
    int child(int node, char c) {
        int lo = first[node];
        int hi = first[node + 1];
        if (hi - lo <= 8) {
            for (int e = lo; e < hi; e++) {
                if (labels[e] == c) {
                    return targets[e];
                }
            }
            return -1;
        }
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = labels[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return targets[mid];
            }
        }
        return -1;
    }

    /** The id of the token that ends at {@code node}, or -1. */
    int value(int node) {
        return values[node];
    }

    /** The trie while it is built: edges in a hash map, nodes numbered as created. */
    private static final class Builder {
        private long[] keys = new long[1 << 12]; // (node + 1) << 16 | unit; 0: empty
        private int[] targets = new int[1 << 12];
        private int edges;
        int[] values = new int[1024];
        int nodes = 1;
        private int[] childCount = new int[1024];

        Builder() {
            Arrays.fill(values, -1);
        }

        void insert(String token, int id) {
            int node = 0;
            for (int i = 0; i < token.length(); i++) {
                long key = ((long) (node + 1) << 16) | token.charAt(i);
                int slot = slot(key);
                if (keys[slot] == 0) {
                    if (nodes == values.length) {
                        int old = values.length;
                        values = Arrays.copyOf(values, old * 2);
                        childCount = Arrays.copyOf(childCount, old * 2);
                        Arrays.fill(values, old, values.length, -1);
                    }
                    keys[slot] = key;
                    targets[slot] = nodes++;
                    childCount[node]++;
                    if (++edges * 2 > keys.length) {
                        grow();
                    }
                    slot = slot(key);
                }
                node = targets[slot];
            }
            values[node] = id;
        }

        int walk(String s) {
            int node = 0;
            for (int i = 0; i < s.length(); i++) {
                int slot = slot(((long) (node + 1) << 16) | s.charAt(i));
                if (keys[slot] == 0) {
                    return -1;
                }
                node = targets[slot];
            }
            return node;
        }

        /** Node {@code v}'s children as (unit << 32 | child), sorted by unit. */
        long[] children(int v) {
            if (kids == null) {
                index();
            }
            return Arrays.copyOfRange(kids, kidStart[v], kidStart[v + 1]);
        }

        private long[] kids;
        private int[] kidStart;

        private void index() {
            kidStart = new int[nodes + 1];
            for (int v = 0; v < nodes; v++) {
                kidStart[v + 1] = kidStart[v] + childCount[v];
            }
            int[] fill = Arrays.copyOf(kidStart, nodes);
            kids = new long[edges];
            for (int i = 0; i < keys.length; i++) {
                long key = keys[i];
                if (key != 0) {
                    int parent = (int) (key >>> 16) - 1;
                    kids[fill[parent]++] = ((key & 0xFFFF) << 32) | targets[i];
                }
            }
            for (int v = 0; v < nodes; v++) {
                Arrays.sort(kids, kidStart[v], kidStart[v + 1]);
            }
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            long h = key * 0x9E3779B97F4A7C15L;
            for (int i = (int) (h >>> 40) & mask; ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key || k == 0) {
                    return i;
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldTargets = targets;
            keys = new long[oldKeys.length * 2];
            targets = new int[keys.length];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int s = slot(oldKeys[i]);
                    keys[s] = oldKeys[i];
                    targets[s] = oldTargets[i];
                }
            }
        }
    }

    /**
     * The id of the token {@code buf[from, to)}, or -1; {@code rawHash} is {@link #rawHash} of those units (the
     * encoder computes it while it gathers them).
     */
    int id(char[] buf, int from, int to, int rawHash) {
        int h = mix(rawHash);
        int len = to - from;
        for (int s = h & slotMask; ; s = (s + 1) & slotMask) {
            long where = slots[2 * s + 1];
            if (where == EMPTY) {
                return -1;
            }
            long head = slots[2 * s];
            if ((int) (head >>> 32) == h && (int) where == len && equal(buf, from, (int) (where >>> 32), len)) {
                return (int) head;
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

    /** The polynomial hash of {@code buf[from, to)}, before mixing: {@code h = 31 * h + unit}. */
    static int rawHash(char[] buf, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
