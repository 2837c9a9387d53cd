package dev.tokensmith.math.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. Loaded only after {@link VectorSupport} has seen {@code jdk.incubator.vector} in the
 * boot layer, so nothing links against the incubator module when it is absent.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public String describe() {
        return "Vector API kernels, " + S.vectorBitSize() + "-bit (" + L + " float lanes)";
    }

    @Override
    public void dotBlock(float[] a, int aRows, float[] b, int bRows, int len, float[] out, int outStride) {
        int bound = S.loopBound(len);
        int j = 0;
        for (; j + 4 <= bRows; j += 4) {
            int i = 0;
            for (; i + 2 <= aRows; i += 2) {
                tile2x4(a, i, b, j, len, bound, out, outStride);
            }
            for (; i < aRows; i++) {
                for (int jj = j; jj < j + 4; jj++) {
                    out[i * outStride + jj] += dot(a, i * len, b, jj * len, len, bound);
                }
            }
        }
        for (; j < bRows; j++) {
            for (int i = 0; i < aRows; i++) {
                out[i * outStride + j] += dot(a, i * len, b, j * len, len, bound);
            }
        }
    }

    /** Two rows of {@code a} against four of {@code b}: eight accumulators, six loads per eight FMAs. */
    private static void tile2x4(float[] a, int i, float[] b, int j, int len, int bound, float[] out, int stride) {
        int a0 = i * len;
        int a1 = a0 + len;
        int b0 = j * len;
        int b1 = b0 + len;
        int b2 = b1 + len;
        int b3 = b2 + len;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        for (int p = 0; p < bound; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
            FloatVector x1 = FloatVector.fromArray(S, a, a1 + p);
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector y3 = FloatVector.fromArray(S, b, b3 + p);
            c00 = x0.fma(y0, c00);
            c01 = x0.fma(y1, c01);
            c02 = x0.fma(y2, c02);
            c03 = x0.fma(y3, c03);
            c10 = x1.fma(y0, c10);
            c11 = x1.fma(y1, c11);
            c12 = x1.fma(y2, c12);
            c13 = x1.fma(y3, c13);
        }
        int o0 = i * stride + j;
        int o1 = o0 + stride;
        out[o0] += sum(c00) + tail(a, a0, b, b0, bound, len);
        out[o0 + 1] += sum(c01) + tail(a, a0, b, b1, bound, len);
        out[o0 + 2] += sum(c02) + tail(a, a0, b, b2, bound, len);
        out[o0 + 3] += sum(c03) + tail(a, a0, b, b3, bound, len);
        out[o1] += sum(c10) + tail(a, a1, b, b0, bound, len);
        out[o1 + 1] += sum(c11) + tail(a, a1, b, b1, bound, len);
        out[o1 + 2] += sum(c12) + tail(a, a1, b, b2, bound, len);
        out[o1 + 3] += sum(c13) + tail(a, a1, b, b3, bound, len);
    }

    /** One dot product, summed exactly as {@link #tile2x4} sums each of its eight. */
    private static float dot(float[] a, int ao, float[] b, int bo, int len, int bound) {
        FloatVector c = FloatVector.zero(S);
        for (int p = 0; p < bound; p += L) {
            c = FloatVector.fromArray(S, a, ao + p).fma(FloatVector.fromArray(S, b, bo + p), c);
        }
        return sum(c) + tail(a, ao, b, bo, bound, len);
    }

    /**
     * The lanes added first to last. Not {@code reduceLanes}: its order differs between interpreted and
     * compiled code, and equal rows must give bit-equal results however hot the code is (OMP's tie-break).
     */
    private static float sum(FloatVector v) {
        float s = 0;
        for (int i = 0; i < L; i++) {
            s += v.lane(i);
        }
        return s;
    }

    private static float tail(float[] a, int ao, float[] b, int bo, int from, int len) {
        float sum = 0;
        for (int p = from; p < len; p++) {
            sum = Math.fma(a[ao + p], b[bo + p], sum);
        }
        return sum;
    }

    @Override
    public double sumOfSquares(float[] a, int off, int len) {
        int bound = S.loopBound(len);
        FloatVector c = FloatVector.zero(S);
        for (int p = 0; p < bound; p += L) {
            FloatVector x = FloatVector.fromArray(S, a, off + p);
            c = x.fma(x, c);
        }
        double sum = sum(c);
        for (int p = bound; p < len; p++) {
            sum += (double) a[off + p] * a[off + p];
        }
        return sum;
    }
}
