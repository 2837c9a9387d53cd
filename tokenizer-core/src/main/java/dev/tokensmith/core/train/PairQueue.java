package dev.tokensmith.core.train;

import dev.tokensmith.core.text.IntList;
import java.util.Arrays;

/**
 * HF's merge queue: entries of (count, pair, the words to visit), the highest count first and, among
 * equal counts, the smallest pair (left id, then right id). Counts in entries go stale as merges change
 * pair counts; the caller re-queues a stale entry with the current count, as HF does, so the order of
 * merges (and HF's rare repeated merges) is reproduced.
 */
final class PairQueue {
    private long[] counts = new long[1024];
    private long[] pairs = new long[1024];
    private IntList[] positions = new IntList[1024];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(long count, long pair, IntList words) {
        if (size == counts.length) {
            int n = size * 2;
            counts = Arrays.copyOf(counts, n);
            pairs = Arrays.copyOf(pairs, n);
            positions = Arrays.copyOf(positions, n);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(count, pair, counts[parent], pairs[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        counts[i] = count;
        pairs[i] = pair;
        positions[i] = words;
    }

    long topCount() {
        return counts[0];
    }

    long topPair() {
        return pairs[0];
    }

    IntList topWords() {
        return positions[0];
    }

    void pop() {
        int last = --size;
        long count = counts[last];
        long pair = pairs[last];
        IntList words = positions[last];
        positions[last] = null;
        if (last == 0) {
            return;
        }
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && before(counts[child + 1], pairs[child + 1], counts[child], pairs[child])) {
                child++;
            }
            if (!before(counts[child], pairs[child], count, pair)) {
                break;
            }
            move(child, i);
            i = child;
        }
        counts[i] = count;
        pairs[i] = pair;
        positions[i] = words;
    }

    private void move(int from, int to) {
        counts[to] = counts[from];
        pairs[to] = pairs[from];
        positions[to] = positions[from];
    }

    /** Pair keys are (left << 32 | right) with non-negative ids, so comparing keys compares (left, right). */
    private static boolean before(long countA, long pairA, long countB, long pairB) {
        return countA > countB || (countA == countB && pairA < pairB);
    }
}
