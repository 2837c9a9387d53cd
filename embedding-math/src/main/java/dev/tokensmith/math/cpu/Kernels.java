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

    /**
     * Columns of one packed panel of B for {@link #panelProduct}: B's columns (op(B)'s, so the dictionary's
     * rows for {@code A·Bᵀ}) go in groups of this many, each group stored {@code p}-major (element
     * {@code (p, j)} at {@code p * panelWidth() + j}) and zero-padded to full width (see {@link PackedPanels}).
     */
    int panelWidth();

    /**
     * Rows of A that {@link #panelProduct} takes at a time: the A block it reads must hold {@code rows}
     * rounded up to a multiple of this (the extra rows are read, whatever they hold, and their products
     * dropped), so buffers are sized for it.
     */
    int rowBlock();

    /**
     * For {@code r < rows} and {@code j < cols} (at most {@link #panelWidth()}):
     * {@code out[outOff + r * outStride + j] = (accumulate ? out[…] : 0f) + Σ_{p < len} a[aOff + r * aStride + p]
     * · panel[panelOff + p * panelWidth() + j]}, the sum over {@code p} taken in exactly {@link #dotBlock}'s
     * order (so both give the same bits), and added to what {@code out} held as {@code dotBlock} adds.
     */
    void panelProduct(
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
            boolean accumulate);

    /** {@code max |a[off + i]|} for {@code i < len} ({@code -1f} when empty); NaN when any element is NaN. */
    float maxAbs(float[] a, int off, int len);

    /** The first {@code i} in {@code [from, len)} with {@code |a[off + i]| == value}, or {@code -1}. */
    int indexOfAbs(float[] a, int off, int from, int len, float value);

    /** {@code Σ a[off + i]²} for {@code i < len}. */
    double sumOfSquares(float[] a, int off, int len);
}
