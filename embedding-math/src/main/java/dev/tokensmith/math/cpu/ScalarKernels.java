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

    @Override
    public double sumOfSquares(float[] a, int off, int len) {
        double sum = 0;
        for (int p = 0; p < len; p++) {
            sum += (double) a[off + p] * a[off + p];
        }
        return sum;
    }
}
