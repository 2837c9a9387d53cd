package dev.tokensmith.math.cpu;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.Parallelism;

/**
 * Dense least squares by Householder QR in double precision: A is factored once, then every right-hand side
 * is reflected by Qᵀ and back-substituted through R (right-hand sides in parallel).
 */
final class LeastSquares {
    private static final int RHS_PER_TASK = 64;
    /** Relative size of a diagonal entry of R below which A counts as rank deficient (float32 data). */
    private static final double RANK_TOLERANCE = Math.ulp(1.0f);

    private LeastSquares() {}

    static FloatMatrix solve(FloatMatrix a, FloatMatrix b, Parallelism p) {
        int m = a.rows();
        int n = a.cols();
        if (m < n) {
            throw new IllegalArgumentException(
                    "leastSquares: A is " + BlockedGemm.shape(a) + "; it needs at least as many rows as columns");
        }
        if (b.cols() != m) {
            throw new IllegalArgumentException("leastSquares: A is " + BlockedGemm.shape(a) + ", B is "
                    + BlockedGemm.shape(b) + "; every row of B must have A's " + m + " rows");
        }
        double[] qr = new double[m * n]; // column-major: Householder vectors below the diagonal, R on and above
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                qr[j * m + i] = a.get(i, j);
            }
        }
        double[] tau = new double[n];
        double[] diag = new double[n];
        factor(qr, m, n, tau, diag);
        double largest = 0;
        for (double d : diag) {
            largest = Math.max(largest, Math.abs(d));
        }
        for (int j = 0; j < n; j++) {
            if (Math.abs(diag[j]) <= largest * Math.max(m, n) * RANK_TOLERANCE || largest == 0) {
                throw new IllegalArgumentException("leastSquares: A (" + BlockedGemm.shape(a)
                        + ") is rank deficient: column " + j + " depends on the ones before it");
            }
        }
        int r = b.rows();
        FloatMatrix x = FloatMatrix.zeros(r, n);
        p.forEach(BlockedGemm.ceilDiv(r, RHS_PER_TASK), () -> new float[Math.max(m, 1)], (row, task) -> {
            double[] y = new double[m];
            float[] out = new float[n];
            int end = Math.min(r, (task + 1) * RHS_PER_TASK);
            for (int k = task * RHS_PER_TASK; k < end; k++) {
                b.copyBlock(k, 1, 0, m, row, 0);
                for (int i = 0; i < m; i++) {
                    y[i] = row[i];
                }
                applyQTranspose(qr, m, n, tau, y);
                for (int j = n - 1; j >= 0; j--) {
                    double s = y[j];
                    for (int c = j + 1; c < n; c++) {
                        s -= qr[c * m + j] * y[c];
                    }
                    y[j] = s / diag[j];
                    out[j] = (float) y[j];
                }
                x.setRow(k, out);
            }
        });
        return x;
    }

    /** Householder QR in place; reflector j is {@code I − tau[j]·v·vᵀ} with {@code v[j] = 1}. */
    private static void factor(double[] qr, int m, int n, double[] tau, double[] diag) {
        for (int j = 0; j < n; j++) {
            int col = j * m;
            double norm = 0;
            for (int i = j; i < m; i++) {
                norm = Math.hypot(norm, qr[col + i]);
            }
            if (norm == 0) {
                tau[j] = 0;
                diag[j] = 0;
                continue;
            }
            double alpha = qr[col + j] > 0 ? -norm : norm;
            double v0 = qr[col + j] - alpha;
            for (int i = j + 1; i < m; i++) {
                qr[col + i] /= v0;
            }
            tau[j] = -v0 / alpha;
            diag[j] = alpha;
            qr[col + j] = alpha;
            for (int c = j + 1; c < n; c++) {
                int cc = c * m;
                double s = qr[cc + j];
                for (int i = j + 1; i < m; i++) {
                    s += qr[col + i] * qr[cc + i];
                }
                s *= tau[j];
                qr[cc + j] -= s;
                for (int i = j + 1; i < m; i++) {
                    qr[cc + i] -= s * qr[col + i];
                }
            }
        }
    }

    private static void applyQTranspose(double[] qr, int m, int n, double[] tau, double[] y) {
        for (int j = 0; j < n; j++) {
            if (tau[j] == 0) {
                continue;
            }
            int col = j * m;
            double s = y[j];
            for (int i = j + 1; i < m; i++) {
                s += qr[col + i] * y[i];
            }
            s *= tau[j];
            y[j] -= s;
            for (int i = j + 1; i < m; i++) {
                y[i] -= s * qr[col + i];
            }
        }
    }
}
