package dev.tokensmith.math.cpu;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.GemmForm;
import dev.tokensmith.math.Parallelism;
import java.util.Arrays;

/**
 * Cache-blocked GEMM. {@link #gemm}: one task per {@value #NB}-column block of op(B), packed once into the
 * kernel's panels ({@link PackedPanels}) and shared by all rows of A, which pass over it {@value #MB} at a
 * time through {@link Kernels#panelProduct}. {@link #multiplyTile} (top-k's tiles) packs a tile's rows of A
 * and op(B) per call for {@link Kernels#dotBlock}. Both walk the inner dimension in chunks of {@value #KC},
 * each chunk's sum added to the tile in order, so every element is the same sum in the same order wherever
 * it falls, whatever the thread count (and copying out of a memory segment happens in the packing).
 */
final class BlockedGemm {
    static final int MB = 64;
    static final int NB = 256;
    static final int KC = 256;

    private BlockedGemm() {}

    /** One worker's packing buffers and tile accumulator, reused across tasks. */
    static final class Workspace {
        final float[] aPack = new float[MB * KC];
        final float[] bPack = new float[NB * KC];
        final float[] tile = new float[MB * NB];
        final float[] row = new float[Math.max(NB, KC)];
    }

    static void gemm(
            Kernels kernels,
            GemmForm form,
            float alpha,
            FloatMatrix a,
            FloatMatrix b,
            float beta,
            FloatMatrix c,
            Parallelism p) {
        int m = a.rows();
        int depth = a.cols();
        int n = form == GemmForm.A_BT ? b.rows() : b.cols();
        int bDepth = form == GemmForm.A_BT ? b.cols() : b.rows();
        if (bDepth != depth || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm " + form + ": A is " + shape(a) + ", B is " + shape(b) + ", C is "
                    + shape(c) + "; expected C " + m + "x" + n + " and B's inner dimension " + depth);
        }
        if (m == 0 || n == 0) {
            return;
        }
        int mBlocks = ceilDiv(m, MB);
        int nBlocks = ceilDiv(n, NB);
        // One task per column block of op(B) (packed once, then shared by every row of A); when there are
        // fewer column blocks than workers, the rows are split too, each part packing its own copy.
        int splits = Math.clamp(ceilDiv(2 * p.threads(), nBlocks), 1, mBlocks);
        int blocksPerSplit = ceilDiv(mBlocks, splits);
        p.forEach(nBlocks * splits, () -> new PanelWorkspace(kernels, depth), (ws, t) -> {
            int j0 = (t / splits) * NB;
            int nb = Math.min(NB, n - j0);
            if (form == GemmForm.A_BT) {
                PackedPanels.packRows(b, j0, nb, ws.width, ws.bPanels, 0, ws.row);
            } else {
                PackedPanels.packColumns(b, j0, nb, ws.width, ws.bPanels, 0, ws.row);
            }
            int iEnd = Math.min(m, (t % splits + 1) * blocksPerSplit * MB);
            for (int i0 = (t % splits) * blocksPerSplit * MB; i0 < iEnd; i0 += MB) {
                int mb = Math.min(MB, iEnd - i0);
                a.copyBlock(i0, mb, 0, depth, ws.aRows, 0);
                multiplyPanels(kernels, ws.aRows, mb, depth, ws.bPanels, ws.width, nb, ws.tile);
                store(alpha, beta, c, i0, mb, j0, nb, ws.tile, ws.row);
            }
        });
    }

    /**
     * {@code tile[i * nb + j] = Σ_p a[i * depth + p] · op(B)[p][j]} over B packed in panels of {@code width}
     * columns; the inner dimension is walked in chunks of {@value #KC}, each chunk's sum added to the tile
     * (the order {@link #multiplyTile} has, so both give the same bits), all panels of a chunk before the next
     * chunk so that the chunk of B stays in L2 while the rows of A pass over it.
     */
    static void multiplyPanels(
            Kernels kernels, float[] a, int mb, int depth, float[] panels, int width, int nb, float[] tile) {
        if (depth == 0) {
            Arrays.fill(tile, 0, mb * nb, 0f);
            return;
        }
        for (int pc = 0; pc < depth; pc += KC) {
            int kc = Math.min(KC, depth - pc);
            for (int j = 0; j < nb; j += width) {
                kernels.panelProduct(
                        a,
                        pc,
                        depth,
                        mb,
                        panels,
                        (j / width) * depth * width + pc * width,
                        kc,
                        tile,
                        j,
                        nb,
                        Math.min(width, nb - j),
                        pc > 0);
            }
        }
    }

    /** One GEMM worker's buffers: rows of A (padded for the kernel's row block), a packed column block of B. */
    static final class PanelWorkspace {
        final int width;
        final float[] aRows;
        final float[] bPanels;
        final float[] tile = new float[MB * NB];
        final float[] row;

        PanelWorkspace(Kernels kernels, int depth) {
            width = kernels.panelWidth();
            int rowBlock = kernels.rowBlock();
            aRows = new float[ceilDiv(MB, rowBlock) * rowBlock * depth];
            bPanels = new float[ceilDiv(NB, width) * width * depth];
            row = new float[Math.max(NB, width * depth)];
        }
    }

    /**
     * {@code ws.tile[i * nb + j] = Σ_p A[i0+i][p] · op(B)[p][j0+j]} for the {@code mb × nb} tile; needs
     * {@code mb <= MB} and {@code nb <= NB}.
     */
    static void multiplyTile(
            Kernels kernels,
            GemmForm form,
            FloatMatrix a,
            int i0,
            int mb,
            FloatMatrix b,
            int j0,
            int nb,
            Workspace ws) {
        int depth = a.cols();
        Arrays.fill(ws.tile, 0, mb * nb, 0f);
        for (int pc = 0; pc < depth; pc += KC) {
            int kc = Math.min(KC, depth - pc);
            a.copyBlock(i0, mb, pc, kc, ws.aPack, 0);
            if (form == GemmForm.A_BT) {
                b.copyBlock(j0, nb, pc, kc, ws.bPack, 0);
            } else {
                for (int q = 0; q < kc; q++) {
                    b.copyBlock(pc + q, 1, j0, nb, ws.row, 0);
                    for (int j = 0; j < nb; j++) {
                        ws.bPack[j * kc + q] = ws.row[j];
                    }
                }
            }
            kernels.dotBlock(ws.aPack, mb, ws.bPack, nb, kc, ws.tile, nb);
        }
    }

    private static void store(
            float alpha, float beta, FloatMatrix c, int i0, int mb, int j0, int nb, float[] tile, float[] row) {
        for (int i = 0; i < mb; i++) {
            if (beta != 0f) {
                c.copyBlock(i0 + i, 1, j0, nb, row, 0);
                for (int j = 0; j < nb; j++) {
                    row[j] = alpha * tile[i * nb + j] + beta * row[j];
                }
            } else {
                for (int j = 0; j < nb; j++) {
                    row[j] = alpha * tile[i * nb + j];
                }
            }
            c.writeBlock(i0 + i, 1, j0, nb, row, 0);
        }
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    static String shape(FloatMatrix m) {
        return m.rows() + "x" + m.cols();
    }
}
