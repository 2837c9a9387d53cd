package dev.tokensmith.math.cpu;

/** Plain-Java kernels: the fallback when {@code jdk.incubator.vector} is absent, and an oracle for tests. */
final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override
    public String describe() {
        return "scalar kernels";
    }

    @Override
    public void dotBlock(float[] a, int aRows, float[] b, int bRows, int len, float[] out, int outStride) {
        for (int i = 0; i < aRows; i++) {
            int ai = i * len;
            for (int j = 0; j < bRows; j++) {
                int bj = j * len;
                double sum = 0;
                for (int p = 0; p < len; p++) {
                    sum += (double) a[ai + p] * b[bj + p];
                }
                out[i * outStride + j] += (float) sum;
            }
        }
    }

    /** Any width works for the scalar loops; eight keeps packed panels one cache line wide. */
    private static final int PANEL = 8;

    @Override
    public int panelWidth() {
        return PANEL;
    }

    @Override
    public int rowBlock() {
        return 1;
    }

    @Override
    public void panelProduct(
            float[] a,
            int aOff,
            int aStride,
            int rows,
            float[] panel,
            int panelOff,
            int len,
            float[] out,
            int outOff,
            int outStride,
            int cols,
            boolean accumulate) {
        for (int i = 0; i < rows; i++) {
            int ai = aOff + i * aStride;
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int p = 0; p < len; p++) {
                    sum += (double) a[ai + p] * panel[panelOff + p * PANEL + j];
                }
                int at = outOff + i * outStride + j;
                out[at] = (accumulate ? out[at] : 0f) + (float) sum;
            }
        }
    }

    @Override
    public float maxAbs(float[] a, int off, int len) {
        float best = -1f;
        for (int i = 0; i < len; i++) {
            float v = Math.abs(a[off + i]);
            if (Float.isNaN(v)) {
                return Float.NaN;
            }
            best = Math.max(best, v);
        }
        return best;
    }

    @Override
    public int indexOfAbs(float[] a, int off, int from, int len, float value) {
        for (int i = from; i < len; i++) {
            if (Math.abs(a[off + i]) == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public double sumOfSquares(float[] a, int off, int len) {
        double sum = 0;
        for (int p = 0; p < len; p++) {
            sum += (double) a[off + p] * a[off + p];
        }
        return sum;
    }
}
