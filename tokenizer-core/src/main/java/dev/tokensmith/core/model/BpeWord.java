package dev.tokensmith.core.model;

import dev.tokensmith.core.text.LongIntMap;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * One word being merged by {@link Bpe}: its symbols as a doubly linked list over int arrays, and a min-heap of
 * candidate merges keyed by (rank, position), so a word of n symbols merges in O(n log n) (HF's {@code
 * Word::merge_all}, same order of merges and same handling of stale candidates). Per-call working object, not
 * thread-safe.
 */
final class BpeWord {
    int size;
    int[] ids;
    int[] lengths; // UTF-8 bytes of the piece covered by the symbol; 0 once merged into its left neighbour
    int[] prev;
    int[] next;

    private long[] heap = new long[16]; // min-heap of (rank << 32 | position)
    private int heapSize;
    private long[] skipped = new long[4];
    private int skippedSize;

    /** Candidates pushed on the heap so far: lets tests bound the work done on long words. */
    long heapPushes;

    BpeWord(int capacity) {
        int c = Math.max(4, capacity);
        ids = new int[c];
        lengths = new int[c];
        prev = new int[c];
        next = new int[c];
    }

    void add(int id, int byteLength) {
        if (size == ids.length) {
            int c = size * 2;
            ids = Arrays.copyOf(ids, c);
            lengths = Arrays.copyOf(lengths, c);
            prev = Arrays.copyOf(prev, c);
            next = Arrays.copyOf(next, c);
        }
        ids[size] = id;
        lengths[size] = byteLength;
        prev[size] = size - 1;
        next[size] = -1;
        if (size > 0) {
            next[size - 1] = size;
        }
        size++;
    }

    /**
     * Applies the merges lowest rank first, leftmost first among equal ranks. {@code merges} maps a pair key to
     * its rank, {@code newIds[rank]} is the merged token. With {@code dropout > 0} each candidate is skipped
     * with that probability; skipped candidates come back once a merge is applied (as HF does).
     */
    void mergeAll(LongIntMap merges, int[] newIds, float dropout, RandomGenerator random) {
        // The candidates of the initial symbols are sorted once; the heap holds only those that merges create.
        // Popping the smaller of the two heads is popping one heap holding both (equal keys are identical).
        long[] initial = new long[Math.max(0, size - 1)];
        int initialSize = 0;
        for (int i = 0; i + 1 < size; i++) {
            int rank = merges.get(Bpe.pairKey(ids[i], ids[i + 1]), -1);
            if (rank >= 0) {
                initial[initialSize++] = entry(rank, i);
            }
        }
        Arrays.sort(initial, 0, initialSize);
        int cursor = 0;
        heapSize = 0;
        skippedSize = 0;
        while (true) {
            long top;
            if (cursor < initialSize && (heapSize == 0 || initial[cursor] <= heap[0])) {
                top = initial[cursor++];
            } else if (heapSize > 0) {
                top = pop();
            } else {
                break;
            }
            if (dropout > 0 && random.nextFloat() < dropout) {
                if (skippedSize == skipped.length) {
                    skipped = Arrays.copyOf(skipped, skippedSize * 2);
                }
                skipped[skippedSize++] = top;
                continue;
            }
            for (int k = 0; k < skippedSize; k++) {
                push(skipped[k]);
            }
            skippedSize = 0;

            int pos = (int) top;
            int newId = newIds[(int) (top >>> 32)];
            if (lengths[pos] == 0 || next[pos] == -1) {
                continue;
            }
            int right = next[pos];
            // A candidate is stale once either side has changed; HF checks only that the pair now there still
            // makes the same token, and so do we.
            int current = merges.get(Bpe.pairKey(ids[pos], ids[right]), -1);
            if (current < 0 || newIds[current] != newId) {
                continue;
            }
            ids[pos] = newId;
            lengths[pos] += lengths[right];
            next[pos] = next[right];
            lengths[right] = 0;
            if (next[pos] != -1) {
                prev[next[pos]] = pos;
            }
            if (prev[pos] >= 0) {
                int rank = merges.get(Bpe.pairKey(ids[prev[pos]], newId), -1);
                if (rank >= 0) {
                    push(entry(rank, prev[pos]));
                }
            }
            if (next[pos] != -1) {
                int rank = merges.get(Bpe.pairKey(newId, ids[next[pos]]), -1);
                if (rank >= 0) {
                    push(entry(rank, pos));
                }
            }
        }
    }

    private static long entry(int rank, int pos) {
        return ((long) rank << 32) | pos;
    }

    // A 4-ary heap: half the depth of a binary one, and the children of a node share a cache line.
    private void push(long e) {
        heapPushes++;
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long p = heap[parent];
            if (p <= e) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = e;
    }

    private long pop() {
        long top = heap[0];
        long last = heap[--heapSize];
        int n = heapSize;
        int i = 0;
        while (true) {
            int first = 4 * i + 1;
            if (first >= n) {
                break;
            }
            int min = first;
            long minValue = heap[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                if (heap[c] < minValue) {
                    minValue = heap[c];
                    min = c;
                }
            }
            if (minValue >= last) {
                break;
            }
            heap[i] = minValue;
            i = min;
        }
        if (n > 0) {
            heap[i] = last;
        }
        return top;
    }
}
