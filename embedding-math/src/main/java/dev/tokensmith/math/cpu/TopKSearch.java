package dev.tokensmith.math.cpu;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.GemmForm;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.math.Similarity;
import dev.tokensmith.math.TopK;

/**
 * Batched top-k: scores come a {@link BlockedGemm} tile at a time and go straight into one bounded heap per
 * query, so the q×n score matrix is never stored. Tasks are (query block, key range) pairs; when keys are
 * split across tasks their partial lists are merged at the end.
 */
final class TopKSearch {
    private TopKSearch() {}

    static TopK topK(
            Kernels kernels, FloatMatrix queries, FloatMatrix keys, int k, Similarity similarity, Parallelism p) {
        if (queries.cols() != keys.cols()) {
            throw new IllegalArgumentException("topK: queries are " + BlockedGemm.shape(queries) + ", keys are "
                    + BlockedGemm.shape(keys) + "; the row lengths differ");
        }
        if (k < 0) {
            throw new IllegalArgumentException("topK: k must be >= 0, got " + k);
        }
        int q = queries.rows();
        int n = keys.rows();
        float[] queryNorms = similarity == Similarity.COSINE ? RowNorms.of(kernels, queries, p) : null;
        float[] keyNorms = similarity == Similarity.COSINE ? RowNorms.of(kernels, keys, p) : null;
        int queryBlocks = BlockedGemm.ceilDiv(q, BlockedGemm.MB);
        int keyBlocks = BlockedGemm.ceilDiv(n, BlockedGemm.NB);
        int splits =
                queryBlocks == 0 ? 1 : Math.clamp(ceilDiv(2L * p.threads(), queryBlocks), 1, Math.max(1, keyBlocks));
        int blocksPerSplit = BlockedGemm.ceilDiv(Math.max(keyBlocks, 1), splits);
        int[][] partIndices = new int[splits][q * k];
        float[][] partScores = new float[splits][q * k];
        p.forEach(queryBlocks * splits, () -> new Worker(k), (w, task) -> {
            int i0 = (task / splits) * BlockedGemm.MB;
            int mb = Math.min(BlockedGemm.MB, q - i0);
            int split = task % splits;
            int jFrom = Math.min(n, split * blocksPerSplit * BlockedGemm.NB);
            int jTo = Math.min(n, jFrom + blocksPerSplit * BlockedGemm.NB);
            for (int i = 0; i < mb; i++) {
                w.heaps[i].clear();
            }
            for (int j0 = jFrom; j0 < jTo; j0 += BlockedGemm.NB) {
                int nb = Math.min(BlockedGemm.NB, jTo - j0);
                BlockedGemm.multiplyTile(kernels, GemmForm.A_BT, queries, i0, mb, keys, j0, nb, w.ws);
                for (int i = 0; i < mb; i++) {
                    BoundedHeap heap = w.heaps[i];
                    for (int j = 0; j < nb; j++) {
                        float score = w.ws.tile[i * nb + j];
                        if (queryNorms != null) {
                            float norms = queryNorms[i0 + i] * keyNorms[j0 + j];
                            score = norms == 0f ? 0f : score / norms;
                        }
                        heap.offer(score, j0 + j);
                    }
                }
            }
            for (int i = 0; i < mb; i++) {
                w.heaps[i].drainSorted(partIndices[split], partScores[split], (i0 + i) * k);
            }
        });
        if (splits == 1) {
            return new TopK(q, k, partIndices[0], partScores[0]);
        }
        int[] indices = new int[q * k];
        float[] scores = new float[q * k];
        BoundedHeap merge = new BoundedHeap(k);
        for (int i = 0; i < q; i++) {
            for (int s = 0; s < splits; s++) {
                for (int r = 0; r < k; r++) {
                    int idx = partIndices[s][i * k + r];
                    if (idx >= 0) {
                        merge.offer(partScores[s][i * k + r], idx);
                    }
                }
            }
            merge.drainSorted(indices, scores, i * k);
        }
        return new TopK(q, k, indices, scores);
    }

    private static int ceilDiv(long x, int y) {
        return (int) Math.min(Integer.MAX_VALUE, (x + y - 1) / y);
    }

    private static final class Worker {
        final BlockedGemm.Workspace ws = new BlockedGemm.Workspace();
        final BoundedHeap[] heaps = new BoundedHeap[BlockedGemm.MB];

        Worker(int k) {
            for (int i = 0; i < heaps.length; i++) {
                heaps[i] = new BoundedHeap(k);
            }
        }
    }
}
