package dev.tokensmith.math.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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

    /** Columns per panel: two vectors, so a 6-row tile keeps 12 accumulators in registers. */
    private static final int NR = 2 * L;

    private static final int MR = 6;

    /**
     * Outer-product form: {@code b} is first transposed into panels of {@link #NR} columns ({@code p}-major,
     * zero-padded), then each {@code MR × NR} tile of {@code out} accumulates, for every {@code p}, a broadcast
     * element of {@code a} times a panel row. Every output element is one fused multiply-add chain over
     * {@code p} in order, whatever tile or lane it falls in, so equal rows give bit-equal results, and no
     * horizontal reductions are needed.
     */
    @Override
    public void dotBlock(float[] a, int aRows, float[] b, int bRows, int len, float[] out, int outStride) {
        if (aRows == 0 || bRows == 0 || len == 0) {
            return;
        }
        int panels = (bRows + NR - 1) / NR;
        float[] panel = scratch(panels * NR * len);
        for (int g = 0; g < panels; g++) {
            int base = g * len * NR;
            int cols = Math.min(NR, bRows - g * NR);
            for (int jj = 0; jj < cols; jj++) {
                int from = (g * NR + jj) * len;
                for (int p = 0; p < len; p++) {
                    panel[base + p * NR + jj] = b[from + p];
                }
            }
            for (int jj = cols; jj < NR; jj++) {
                for (int p = 0; p < len; p++) {
                    panel[base + p * NR + jj] = 0f;
                }
            }
        }
        float[] tile = new float[MR * NR];
        for (int g = 0; g < panels; g++) {
            int base = g * len * NR;
            int j0 = g * NR;
            int cols = Math.min(NR, bRows - j0);
            int i = 0;
            for (; i + MR <= aRows; i += MR) {
                tile6(a, i * len, len, panel, base, tile);
                add(tile, MR, cols, out, i * outStride + j0, outStride);
            }
            for (; i < aRows; i++) {
                tile1(a, i * len, len, panel, base, tile);
                add(tile, 1, cols, out, i * outStride + j0, outStride);
            }
        }
    }

    private static void tile6(float[] a, int a0, int len, float[] panel, int base, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        int a1 = a0 + len, a2 = a1 + len, a3 = a2 + len, a4 = a3 + len, a5 = a4 + len;
        for (int p = 0; p < len; p++) {
            int at = base + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, panel, at);
            FloatVector b1 = FloatVector.fromArray(S, panel, at + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
    }

    @Override
    public int panelWidth() {
        return NR;
    }

    @Override
    public int rowBlock() {
        return MR;
    }

    /**
     * The same {@code MR × NR} outer-product tiles as {@link #dotBlock}, over B already packed into panels
     * (packed once per call by the caller, not per block) and A read in place with its own stride; each tile
     * goes straight into {@code out}. A last group of fewer than {@code MR} rows still runs the 6-row tile (on
     * the padding rows the caller provides), which is faster than narrower tiles and changes no real row.
     */
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
        float[] tile = TILE.get();
        for (int r = 0; r < rows; r += MR) {
            panelTile(
                    a,
                    aOff + r * aStride,
                    aStride,
                    Math.min(MR, rows - r),
                    panel,
                    panelOff,
                    len,
                    out,
                    outOff + r * outStride,
                    outStride,
                    cols,
                    accumulate,
                    tile);
        }
    }

    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[MR * NR]);

    private static void panelTile(
            float[] a,
            int a0,
            int aStride,
            int rows,
            float[] panel,
            int base,
            int len,
            float[] out,
            int o,
            int outStride,
            int cols,
            boolean accumulate,
            float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        int a1 = a0 + aStride, a2 = a1 + aStride, a3 = a2 + aStride, a4 = a3 + aStride, a5 = a4 + aStride;
        for (int p = 0; p < len; p++) {
            int at = base + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, panel, at);
            FloatVector b1 = FloatVector.fromArray(S, panel, at + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        // Through a small per-thread tile rather than straight into out: a helper taking the vectors as
        // arguments would, once C2 stops inlining it (node-count cutoff), box them on every call.
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        addTile(tile, rows, cols, out, o, outStride, accumulate);
    }

    /** {@code out = (accumulate ? out : 0f) + tile} over the tile's first rows and columns, dotBlock's add. */
    private static void addTile(float[] tile, int rows, int cols, float[] out, int at, int stride, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            int o = at + r * stride;
            if (cols == NR) {
                for (int h = 0; h < NR; h += L) {
                    FloatVector was = accumulate ? FloatVector.fromArray(S, out, o + h) : FloatVector.zero(S);
                    was.add(FloatVector.fromArray(S, tile, r * NR + h)).intoArray(out, o + h);
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    out[o + j] = (accumulate ? out[o + j] : 0f) + tile[r * NR + j];
                }
            }
        }
    }

    private static void tile1(float[] a, int a0, int len, float[] panel, int base, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0;
        for (int p = 0; p < len; p++) {
            int at = base + p * NR;
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c0 = x.fma(FloatVector.fromArray(S, panel, at), c0);
            c1 = x.fma(FloatVector.fromArray(S, panel, at + L), c1);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, L);
    }

    private static void add(float[] tile, int rows, int cols, float[] out, int at, int stride) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                out[at + r * stride + j] += tile[r * NR + j];
            }
        }
    }

    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[1][0]);

    /** A per-thread panel buffer: {@code dotBlock} is called per cache block, too often to allocate. */
    private static float[] scratch(int size) {
        float[][] holder = SCRATCH.get();
        if (holder[0].length < size) {
            holder[0] = new float[size];
        }
        return holder[0];
    }

    @Override
    public float maxAbs(float[] a, int off, int len) {
        int bound = S.loopBound(len);
        float best = -1f;
        if (bound > 0) {
            FloatVector m = FloatVector.fromArray(S, a, off).abs();
            for (int p = L; p < bound; p += L) {
                m = m.max(FloatVector.fromArray(S, a, off + p).abs());
            }
            best = m.reduceLanes(VectorOperators.MAX); // max is exact, so the lane order does not matter
        }
        for (int p = bound; p < len; p++) {
            best = Math.max(best, Math.abs(a[off + p]));
        }
        return best;
    }

    @Override
    public int indexOfAbs(float[] a, int off, int from, int len, float value) {
        int p = from;
        int bound = from + S.loopBound(len - from);
        FloatVector v = FloatVector.broadcast(S, value);
        for (; p < bound; p += L) {
            VectorMask<Float> eq = FloatVector.fromArray(S, a, off + p).abs().compare(VectorOperators.EQ, v);
            if (eq.anyTrue()) {
                return p + eq.firstTrue();
            }
        }
        for (; p < len; p++) {
            if (Math.abs(a[off + p]) == value) {
                return p;
            }
        }
        return -1;
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

    /** The lanes added first to last (not {@code reduceLanes}, whose order differs once compiled). */
    private static double sum(FloatVector v) {
        double s = 0;
        for (int i = 0; i < L; i++) {
            s += v.lane(i);
        }
        return s;
    }
}
