package dev.tokensmith.math;

/** Obvious double-precision implementations the conformance kit compares every backend with. */
public final class ReferenceMath {
    private ReferenceMath() {}

    /** {@code A·op(B)} in double. */
    public static double[][] product(GemmForm form, FloatMatrix a, FloatMatrix b) {
        return products(form, a, b, false);
    }

    /** {@code Σ_p |A[i][p]·op(B)[p][j]|}: the scale a float32 dot product's rounding error is relative to. */
    public static double[][] absProduct(GemmForm form, FloatMatrix a, FloatMatrix b) {
        return products(form, a, b, true);
    }

    private static double[][] products(GemmForm form, FloatMatrix a, FloatMatrix b, boolean absolute) {
        int m = a.rows();
        int depth = a.cols();
        int n = form == GemmForm.A_BT ? b.rows() : b.cols();
        float[] x = a.toArray();
        float[] y = b.toArray();
        double[][] c = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < depth; p++) {
                    double term = (double) x[i * depth + p] * (form == GemmForm.A_BT ? y[j * depth + p] : y[p * n + j]);
                    s += absolute ? Math.abs(term) : term;
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    public static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (double) x[i] * y[i];
        }
        return s;
    }

    public static double norm(float[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** ‖y − Σ c·atom‖ for one OMP target. */
    public static double residualNorm(FloatMatrix dictionary, float[] y, int[] atoms, float[] coefficients) {
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i];
        }
        for (int a = 0; a < atoms.length; a++) {
            for (int i = 0; i < y.length; i++) {
                r[i] -= (double) coefficients[a] * dictionary.get(atoms[a], i);
            }
        }
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** A matrix of standard-normal values scaled by {@code scale}, from a fixed seed. */
    public static FloatMatrix gaussian(long seed, int rows, int cols, double scale) {
        java.util.Random random = new java.util.Random(seed);
        FloatMatrix m = FloatMatrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, (float) (random.nextGaussian() * scale));
            }
        }
        return m;
    }
}
