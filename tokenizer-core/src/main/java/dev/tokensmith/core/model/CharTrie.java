package dev.tokensmith.core.model;

import java.util.Arrays;

/**
 * A trie over UTF-16 units mapping strings to int values, for common-prefix search (the Unigram lattice). Edges
 * live in one {@link LongIntMap} keyed by (node, unit). Built once, then only read.
 */
final class CharTrie {
    static final int ROOT = 0;

    private final LongIntMap edges;
    private int[] values = new int[64];
    private int nodes = 1;

    CharTrie(int expectedNodes) {
        edges = new LongIntMap(expectedNodes);
        Arrays.fill(values, -1);
    }

    /** Sets the value of {@code key} (an empty key is never found by {@link #child} walks, as in HF). */
    void put(String key, int value) {
        int node = ROOT;
        for (int i = 0; i < key.length(); i++) {
            long edge = edgeKey(node, key.charAt(i));
            int next = edges.get(edge, -1);
            if (next < 0) {
                next = newNode();
                edges.put(edge, next, -1);
            }
            node = next;
        }
        values[node] = value;
    }

    private int newNode() {
        if (nodes == values.length) {
            int old = values.length;
            values = Arrays.copyOf(values, old * 2);
            Arrays.fill(values, old, values.length, -1);
        }
        return nodes++;
    }

    private static long edgeKey(int node, char c) {
        return ((long) node << 16) | c;
    }

    /** The child of {@code node} along {@code c}, or -1. */
    int child(int node, char c) {
        return edges.get(edgeKey(node, c), -1);
    }

    /** The value stored at {@code node}, or -1. */
    int value(int node) {
        return values[node];
    }
}
