package dev.tokensmith.math.cpu;

/**
 * The best {@code capacity} (score, index) pairs seen so far; better means a higher score, or an equal score
 * and a lower index. The root is the worst kept pair, so a candidate costs one comparison when it loses.
 */
final class BoundedHeap {
    private final float[] scores;
    private final int[] indices;
    private int size;

    BoundedHeap(int capacity) {
        scores = new float[capacity];
        indices = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }

    void offer(float score, int index) {
        int capacity = scores.length;
        if (size < capacity) {
            int c = size++;
            while (c > 0) {
                int parent = (c - 1) >>> 1;
                if (!better(scores[parent], indices[parent], score, index)) {
                    break;
                }
                scores[c] = scores[parent];
                indices[c] = indices[parent];
                c = parent;
            }
            scores[c] = score;
            indices[c] = index;
        } else if (capacity > 0 && better(score, index, scores[0], indices[0])) {
            siftDown(score, index);
        }
    }

    private void siftDown(float score, int index) {
        int c = 0;
        while (true) {
            int child = 2 * c + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(scores[child], indices[child], scores[child + 1], indices[child + 1])) {
                child++;
            }
            if (!better(score, index, scores[child], indices[child])) {
                break;
            }
            scores[c] = scores[child];
            indices[c] = indices[child];
            c = child;
        }
        scores[c] = score;
        indices[c] = index;
    }

    /** Writes the kept pairs best first from {@code off}, pads to capacity with (-1, -∞), and clears. */
    void drainSorted(int[] outIndices, float[] outScores, int off) {
        int capacity = scores.length;
        for (int r = size; r < capacity; r++) {
            outIndices[off + r] = -1;
            outScores[off + r] = Float.NEGATIVE_INFINITY;
        }
        while (size > 0) {
            int last = --size;
            outIndices[off + last] = indices[0];
            outScores[off + last] = scores[0];
            if (last > 0) {
                siftDown(scores[last], indices[last]);
            }
        }
    }
}
