package dev.tokensmith.math.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.GemmForm;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.math.ReferenceMath;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packed-panel path (GEMM with op(B) packed once per column block, OMP with the dictionary packed once)
 * gives the same bits as the per-tile path ({@link BlockedGemm#multiplyTile} over {@link Kernels#dotBlock}),
 * which top-k still uses: same sums in the same order, on ragged shapes (rows not a multiple of the kernel's
 * row block, columns not a multiple of its panel width, depth over one {@value BlockedGemm#KC} chunk).
 */
class PackedKernelsTest {
    static List<Kernels> kernels() {
        Kernels vector = VectorSupport.kernelsOrNull();
        return vector == null ? List.of(ScalarKernels.INSTANCE) : List.of(ScalarKernels.INSTANCE, vector);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void packedGemmEqualsThePerTileProductBitForBit(Kernels kernels) {
        int[][] shapes = {{1, 1, 1}, {5, 17, 3}, {67, 300, 257}, {13, 259, 600}, {70, 33, 512}};
        for (int[] s : shapes) {
            FloatMatrix a = ReferenceMath.gaussian(11, s[0], s[2], 1);
            FloatMatrix b = ReferenceMath.gaussian(12, s[1], s[2], 1);
            FloatMatrix c = FloatMatrix.zeros(s[0], s[1]);
            try (Parallelism p = Parallelism.threads(3)) {
                BlockedGemm.gemm(kernels, GemmForm.A_BT, 1f, a, b, 0f, c, p);
            }
            assertSameBits(c.toArray(), perTile(kernels, a, b));
            FloatMatrix bt = FloatMatrix.zeros(s[2], s[1]);
            for (int i = 0; i < s[1]; i++) {
                for (int j = 0; j < s[2]; j++) {
                    bt.set(j, i, b.get(i, j));
                }
            }
            FloatMatrix c2 = FloatMatrix.zeros(s[0], s[1]);
            BlockedGemm.gemm(kernels, GemmForm.A_B, 1f, a, bt, 0f, c2, Parallelism.serial());
            assertSameBits(c2.toArray(), c.toArray());
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void maxAbsAndIndexOfAbsFindTheFirstLargestMagnitude(Kernels kernels) {
        float[] a = new float[37];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 5) - 2.5f;
        }
        a[30] = -9f;
        a[33] = 9f;
        assertThat(kernels.maxAbs(a, 0, a.length)).isEqualTo(9f);
        assertThat(kernels.indexOfAbs(a, 0, 0, a.length, 9f)).isEqualTo(30);
        assertThat(kernels.indexOfAbs(a, 0, 31, a.length, 9f)).isEqualTo(33);
        assertThat(kernels.indexOfAbs(a, 0, 34, a.length, 9f)).isEqualTo(-1);
        assertThat(kernels.maxAbs(a, 1, 20)).isEqualTo(2.5f);
        assertThat(kernels.maxAbs(a, 0, 0)).isEqualTo(-1f);
        a[3] = Float.NaN;
        assertThat(kernels.maxAbs(a, 0, a.length)).isNaN();
    }

    private static void assertSameBits(float[] actual, float[] expected) {
        assertThat(bits(actual)).containsExactly(bits(expected));
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    private static float[] perTile(Kernels kernels, FloatMatrix a, FloatMatrix b) {
        int m = a.rows();
        int n = b.rows();
        float[] out = new float[m * n];
        BlockedGemm.Workspace ws = new BlockedGemm.Workspace();
        for (int i0 = 0; i0 < m; i0 += BlockedGemm.MB) {
            int mb = Math.min(BlockedGemm.MB, m - i0);
            for (int j0 = 0; j0 < n; j0 += BlockedGemm.NB) {
                int nb = Math.min(BlockedGemm.NB, n - j0);
                BlockedGemm.multiplyTile(kernels, GemmForm.A_BT, a, i0, mb, b, j0, nb, ws);
                for (int i = 0; i < mb; i++) {
                    System.arraycopy(ws.tile, i * nb, out, (i0 + i) * n + j0, nb);
                }
            }
        }
        return out;
    }
}
