package dev.tokensmith.math.cpu;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.GemmForm;
import dev.tokensmith.math.Parallelism;
import java.util.Arrays;

/**
 * Cache-blocked GEMM over {@link Kernels#dotBlock}: C is cut into {@value #MB}×{@value #NB} tiles (one task
 * each); for each tile the inner dimension is walked in chunks of {@value #KC}, the rows of A and of op(B)
 * being packed into contiguous {@code float[]} blocks (which also takes them out of any memory segment).
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
        int mBlocks = ceilDiv(m, MB);
        int nBlocks = ceilDiv(n, NB);
        p.forEach(mBlocks * nBlocks, Workspace::new, (ws, t) -> {
            int i0 = (t / nBlocks) * MB;
            int j0 = (t % nBlocks) * NB;
            int mb = Math.min(MB, m - i0);
            int nb = Math.min(NB, n - j0);
            multiplyTile(kernels, form, a, i0, mb, b, j0, nb, ws);
            store(alpha, beta, c, i0, mb, j0, nb, ws);
        });
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

    private static void store(float alpha, float beta, FloatMatrix c, int i0, int mb, int j0, int nb, Workspace ws) {
        for (int i = 0; i < mb; i++) {
            if (beta != 0f) {
                c.copyBlock(i0 + i, 1, j0, nb, ws.row, 0);
                for (int j = 0; j < nb; j++) {
                    ws.row[j] = alpha * ws.tile[i * nb + j] + beta * ws.row[j];
                }
            } else {
                for (int j = 0; j < nb; j++) {
                    ws.row[j] = alpha * ws.tile[i * nb + j];
                }
            }
            c.writeBlock(i0 + i, 1, j0, nb, ws.row, 0);
        }
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    static String shape(FloatMatrix m) {
        return m.rows() + "x" + m.cols();
    }
}
