package dev.tokensmith.math.cpu;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.Parallelism;

/** Row L2 norms, a block of rows per task. */
final class RowNorms {
    private static final int ROWS_PER_TASK = 256;

    private RowNorms() {}

    static float[] of(Kernels kernels, FloatMatrix m, Parallelism p) {
        double[] squares = squaredOf(kernels, m, p);
        float[] norms = new float[squares.length];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = (float) Math.sqrt(squares[i]);
        }
        return norms;
    }

    static double[] squaredOf(Kernels kernels, FloatMatrix m, Parallelism p) {
        int rows = m.rows();
        int cols = m.cols();
        double[] out = new double[rows];
        p.forEach(BlockedGemm.ceilDiv(rows, ROWS_PER_TASK), () -> new float[cols], (row, task) -> {
            int end = Math.min(rows, (task + 1) * ROWS_PER_TASK);
            for (int r = task * ROWS_PER_TASK; r < end; r++) {
                m.copyBlock(r, 1, 0, cols, row, 0);
                out[r] = kernels.sumOfSquares(row, 0, cols);
            }
        });
        return out;
    }
}
