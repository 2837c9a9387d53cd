package dev.tokensmith.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A double-array trie over UTF-16 units, for the common-prefix walks of the Unigram lattice: the child of node
 * {@code s} along unit {@code c} is {@code t = base[s] + code(c)}, valid when {@code check[t] == s}, so a step
 * is three array reads and no hashing. Units are renumbered densely (most frequent first) so the arrays stay
 * small even for vocabularies over many scripts. Built once, then only read.
 */
final class DoubleArrayTrie {
    static final int ROOT = 0;

    private final int[] code; // UTF-16 unit -> 1..K, 0: in no key
    private final int[] base;
    private final int[] check;
    private final int[] value;

    /** A trie of {@code keys} (empty keys are left out: no walk finds them) with their values. */
    DoubleArrayTrie(Map<String, Integer> keys) {
        code = alphabet(keys);
        Builder b = new Builder(code, keys);
        base = b.base;
        check = b.check;
        value = b.value;
    }

    /** The child of {@code node} along {@code c}, or -1. */
    int child(int node, char c) {
        int k = code[c];
        if (k == 0) {
            return -1;
        }
        int t = base[node] + k;
        return t < check.length && check[t] == node ? t : -1;
    }

    /** The value of the key ending at {@code node}, or -1. */
    int value(int node) {
        return value[node];
    }

    /** Dense codes for the units that occur, the most frequent getting the smallest. */
    private static int[] alphabet(Map<String, Integer> keys) {
        long[] counts = new long[65536];
        for (String k : keys.keySet()) {
            for (int i = 0; i < k.length(); i++) {
                counts[k.charAt(i)]++;
            }
        }
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < 65536; c++) {
            if (counts[c] > 0) {
                used.add(c);
            }
        }
        used.sort((x, y) -> counts[y] != counts[x] ? Long.compare(counts[y], counts[x]) : Integer.compare(x, y));
        int[] code = new int[65536];
        for (int i = 0; i < used.size(); i++) {
            code[used.get(i)] = i + 1;
        }
        return code;
    }

    /**
     * Builds the arrays from the keys sorted as strings (so every node's keys form one range, subdivided by the
     * unit at the node's depth), depth first, each node's children placed at the first base where they all fit.
     */
    private static final class Builder {
        int[] base = new int[1024];
        int[] check = new int[1024];
        int[] value = new int[1024];
        private int[] next = new int[1024]; // next[i] == i: slot i is free
        private int size = 1;
        private int wideFrom = 1;

        Builder(int[] code, Map<String, Integer> keys) {
            Arrays.fill(check, -1);
            Arrays.fill(value, -1);
            for (int i = 0; i < next.length; i++) {
                next[i] = i;
            }
            occupy(ROOT, ROOT);
            String[] sorted = new String[keys.size()];
            int count = 0;
            for (String k : keys.keySet()) {
                if (!k.isEmpty()) {
                    sorted[count++] = k;
                }
            }
            Arrays.sort(sorted, 0, count);
            int[] stack = new int[256];
            int top = 0;
            stack[top++] = ROOT;
            stack[top++] = 0;
            stack[top++] = count;
            stack[top++] = 0;
            long[] children = new long[64];
            int[] starts = new int[64];
            int[] codes = new int[64];
            while (top > 0) {
                int depth = stack[--top];
                int hi = stack[--top];
                int lo = stack[--top];
                int slot = stack[--top];
                if (lo == hi) {
                    continue;
                }
                // The key that ends here, if any, sorts first in its range.
                if (sorted[lo].length() == depth) {
                    value[slot] = keys.get(sorted[lo]);
                    lo++;
                }
                if (lo == hi) {
                    continue;
                }
                int n = 0;
                for (int i = lo; i < hi; ) {
                    char c = sorted[i].charAt(depth);
                    int j = i + 1;
                    while (j < hi && sorted[j].charAt(depth) == c) {
                        j++;
                    }
                    if (n + 1 >= children.length) {
                        children = Arrays.copyOf(children, children.length * 2);
                        starts = Arrays.copyOf(starts, children.length + 1);
                        codes = Arrays.copyOf(codes, children.length);
                    }
                    children[n] = ((long) code[c] << 32) | n;
                    starts[n++] = i;
                    i = j;
                }
                starts[n] = hi;
                if (n > 1) {
                    Arrays.sort(children, 0, n);
                }
                for (int k = 0; k < n; k++) {
                    codes[k] = (int) (children[k] >>> 32);
                }
                int b = findBase(codes, n);
                base[slot] = b;
                size = Math.max(size, b + codes[n - 1] + 1);
                if (top + 4 * n > stack.length) {
                    stack = Arrays.copyOf(stack, Math.max(stack.length * 2, top + 4 * n));
                }
                for (int k = 0; k < n; k++) {
                    int t = b + codes[k];
                    int g = (int) children[k];
                    occupy(t, slot);
                    stack[top++] = t;
                    stack[top++] = starts[g];
                    stack[top++] = starts[g + 1];
                    stack[top++] = depth + 1;
                }
            }
            base = Arrays.copyOf(base, size);
            check = Arrays.copyOf(check, size);
            value = Arrays.copyOf(value, size);
        }

        private int findBase(int[] children, int n) {
            // Nodes of several children start where the last such node went: the holes behind it rarely fit
            // them, and walking all of them for every wide node would make building quadratic. Single children
            // fill the holes.
            int from = n > 2 ? Math.max(children[0] + 1, wideFrom) : children[0] + 1;
            for (int pos = nextFree(from); ; pos = nextFree(pos + 1)) {
                int b = pos - children[0];
                ensure(b + children[n - 1] + 1);
                boolean fits = true;
                for (int k = 1; k < n; k++) {
                    if (check[b + children[k]] != -1) {
                        fits = false;
                        break;
                    }
                }
                if (fits) {
                    if (n > 2) {
                        wideFrom = pos;
                    }
                    return b;
                }
            }
        }

        /** The first free slot at or after {@code i}: a union-find over occupied slots, each pointing onwards. */
        private int nextFree(int i) {
            int r = i;
            while (true) {
                ensure(r + 1);
                int step = next[r];
                if (step == r) {
                    return r;
                }
                ensure(step + 1);
                int further = next[step];
                next[r] = further; // path halving
                r = further;
            }
        }

        private void occupy(int slot, int node) {
            check[slot] = node;
            next[slot] = slot + 1;
        }

        private void ensure(int capacity) {
            if (capacity <= check.length) {
                return;
            }
            int old = check.length;
            int n = Math.max(capacity, old + (old >> 1));
            base = Arrays.copyOf(base, n);
            check = Arrays.copyOf(check, n);
            value = Arrays.copyOf(value, n);
            next = Arrays.copyOf(next, n);
            Arrays.fill(check, old, n, -1);
            Arrays.fill(value, old, n, -1);
            for (int i = old; i < n; i++) {
                next[i] = i;
            }
        }
    }
}
