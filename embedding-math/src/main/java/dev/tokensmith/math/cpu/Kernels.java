package dev.tokensmith.math.cpu;

/**
 * The innermost loops of the CPU backend over packed {@code float[]} blocks, in a plain-Java and a Vector API
 * version (the split Lucene's {@code VectorUtilSupport} makes). Everything above them (blocking, threads,
 * OMP, QR) is shared, so both versions run the same algorithms.
 */
interface Kernels {
    /** What these kernels are, for {@code doctor} and provenance. */
    String describe();

    /**
     * {@code out[i * outStride + j] += dot(row i of a, row j of b)} for {@code i < aRows}, {@code j < bRows},
     * where both blocks hold rows of {@code len} floats back to back. Every (i, j) is summed in the same order
     * wherever it falls in the block, so equal rows give bit-equal dot products.
     */
    void dotBlock(float[] a, int aRows, float[] b, int bRows, int len, float[] out, int outStride);

    /** {@code Σ a[off + i]²} for {@code i < len}. */
    double sumOfSquares(float[] a, int off, int len);
}
