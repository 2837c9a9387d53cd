package dev.tokensmith.math;

import java.util.Arrays;

/**
 * The {@code k} best keys per query: {@code indices[q * k + r]} and {@code scores[q * k + r]} for rank
 * {@code r} (best first; equal scores keep the lower key index first). When there are fewer keys than
 * {@code k}, the missing entries have index -1 and score {@code -Infinity}.
 */
public record TopK(int queries, int k, int[] indices, float[] scores) {
    public TopK {
        if (indices.length != (long) queries * k || scores.length != indices.length) {
            throw new IllegalArgumentException("topK arrays must hold queries*k = " + queries * k + " entries");
        }
    }

    public int index(int query, int rank) {
        return indices[query * k + rank];
    }

    public float score(int query, int rank) {
        return scores[query * k + rank];
    }

    /** The indices for one query, best first. */
    public int[] indicesOf(int query) {
        return Arrays.copyOfRange(indices, query * k, query * k + k);
    }
}
