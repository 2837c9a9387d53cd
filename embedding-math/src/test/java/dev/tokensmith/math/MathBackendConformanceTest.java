package dev.tokensmith.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance kit every {@link MathBackend} runs: extend it, return the backend from {@link #backend()}
 * (the module's test-jar ships this class and the OMP fixtures). Each kernel is compared with
 * {@link ReferenceMath} within these tolerances:
 *
 * <ul>
 *   <li>GEMM and top-k scores: {@code |c − exact| ≤ 1e-5 · Σ|aᵢ·bᵢ| + 1e-6} (float32 accumulation).
 *   <li>Norms: relative 1e-5. Least squares: the normal equations hold to 1e-4 relative.
 *   <li>OMP against scikit-learn's {@code orthogonal_mp_gram}: identical atoms in identical order, identical
 *       counts, coefficients within {@code 1e-4 · max(1, |c|)}.
 * </ul>
 *
 * Results must not depend on the thread count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MathBackendConformanceTest {
    private Parallelism threads;

    /** The backend under test; called once per test class. */
    protected abstract MathBackend backend();

    @BeforeAll
    void startThreads() {
        threads = Parallelism.threads(3);
    }

    @AfterAll
    void stopThreads() {
        threads.close();
    }

    // ---------------------------------------------------------------- GEMM

    static Stream<int[]> gemmShapes() {
        return Stream.of(
                new int[] {1, 1, 1},
                new int[] {3, 5, 7},
                new int[] {2, 9, 4},
                new int[] {67, 300, 259}, // crosses every block edge (64 rows, 256 columns, 256 depth)
                new int[] {130, 17, 520},
                new int[] {0, 5, 3},
                new int[] {4, 0, 3});
    }

    @ParameterizedTest(name = "A·Bᵀ m,n,k = {0}")
    @MethodSource("gemmShapes")
    void gemmOfTransposedMatchesTheReference(int[] mnk) {
        FloatMatrix a = ReferenceMath.gaussian(1, mnk[0], mnk[2], 1);
        FloatMatrix b = ReferenceMath.gaussian(2, mnk[1], mnk[2], 1);
        FloatMatrix c = FloatMatrix.zeros(mnk[0], mnk[1]);
        backend().gemm(GemmForm.A_BT, 1f, a, b, 0f, c, threads);
        assertProduct(c, GemmForm.A_BT, a, b, 1, null, 0);
    }

    @ParameterizedTest(name = "A·B m,n,k = {0}")
    @MethodSource("gemmShapes")
    void gemmPlainMatchesTheReference(int[] mnk) {
        FloatMatrix a = ReferenceMath.gaussian(3, mnk[0], mnk[2], 1);
        FloatMatrix b = ReferenceMath.gaussian(4, mnk[2], mnk[1], 1);
        FloatMatrix c = FloatMatrix.zeros(mnk[0], mnk[1]);
        backend().gemm(GemmForm.A_B, 1f, a, b, 0f, c, threads);
        assertProduct(c, GemmForm.A_B, a, b, 1, null, 0);
    }

    @Test
    void gemmScalesByAlphaAndAccumulatesBetaTimesC() {
        FloatMatrix a = ReferenceMath.gaussian(5, 70, 33, 1);
        FloatMatrix b = ReferenceMath.gaussian(6, 40, 33, 1);
        FloatMatrix before = ReferenceMath.gaussian(7, 70, 40, 1);
        FloatMatrix c = before.copy();
        backend().gemm(GemmForm.A_BT, -0.5f, a, b, 2f, c, threads);
        assertProduct(c, GemmForm.A_BT, a, b, -0.5, before, 2);
    }

    @Test
    void gemmWithBetaZeroIgnoresWhatCHeld() {
        FloatMatrix a = ReferenceMath.gaussian(8, 3, 4, 1);
        FloatMatrix b = ReferenceMath.gaussian(9, 5, 4, 1);
        FloatMatrix c = FloatMatrix.zeros(3, 5);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                c.set(i, j, Float.NaN);
            }
        }
        backend().gemm(GemmForm.A_BT, 1f, a, b, 0f, c, threads);
        assertProduct(c, GemmForm.A_BT, a, b, 1, null, 0);
    }

    @Test
    void gemmWithEmptyInnerDimensionScalesC() {
        FloatMatrix c = ReferenceMath.gaussian(10, 2, 3, 1);
        FloatMatrix before = c.copy();
        backend().gemm(GemmForm.A_BT, 1f, FloatMatrix.zeros(2, 0), FloatMatrix.zeros(3, 0), 3f, c, threads);
        assertThat(c.toArray()).containsExactly(scaled(before.toArray(), 3f), within(1e-6f));
    }

    @Test
    void gemmReadsAndWritesNativeMemory() {
        try (Arena arena = Arena.ofShared()) {
            FloatMatrix heapA = ReferenceMath.gaussian(11, 65, 260, 1);
            FloatMatrix heapB = ReferenceMath.gaussian(12, 257, 260, 1);
            FloatMatrix a = FloatMatrix.allocate(arena, 65, 260);
            FloatMatrix b = FloatMatrix.allocate(arena, 257, 260);
            a.segment().copyFrom(heapA.segment());
            b.segment().copyFrom(heapB.segment());
            FloatMatrix c = FloatMatrix.allocate(arena, 65, 257);
            FloatMatrix heapC = FloatMatrix.zeros(65, 257);
            backend().gemm(GemmForm.A_BT, 1f, a, b, 0f, c, threads);
            backend().gemm(GemmForm.A_BT, 1f, heapA, heapB, 0f, heapC, threads);
            assertSameBits(c.toArray(), heapC.toArray());
        }
    }

    @Test
    void gemmGivesTheSameBitsOnOneThreadAndOnMany() {
        FloatMatrix a = ReferenceMath.gaussian(13, 150, 300, 1);
        FloatMatrix b = ReferenceMath.gaussian(14, 600, 300, 1);
        FloatMatrix serial = FloatMatrix.zeros(150, 600);
        FloatMatrix parallel = FloatMatrix.zeros(150, 600);
        backend().gemm(GemmForm.A_BT, 1f, a, b, 0f, serial, Parallelism.serial());
        backend().gemm(GemmForm.A_BT, 1f, a, b, 0f, parallel, threads);
        assertSameBits(parallel.toArray(), serial.toArray());
    }

    @Test
    void gemmRejectsMismatchedShapesNamingThem() {
        FloatMatrix a = FloatMatrix.zeros(2, 3);
        assertThatThrownBy(() -> backend()
                        .gemm(GemmForm.A_BT, 1f, a, FloatMatrix.zeros(4, 5), 0f, FloatMatrix.zeros(2, 4), threads))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3")
                .hasMessageContaining("4x5");
        assertThatThrownBy(() -> backend()
                        .gemm(GemmForm.A_B, 1f, a, FloatMatrix.zeros(3, 5), 0f, FloatMatrix.zeros(2, 4), threads))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertProduct(
            FloatMatrix c, GemmForm form, FloatMatrix a, FloatMatrix b, double alpha, FloatMatrix before, double beta) {
        double[][] exact = ReferenceMath.product(form, a, b);
        double[][] scale = ReferenceMath.absProduct(form, a, b);
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                double expected = alpha * exact[i][j] + (before == null ? 0 : beta * before.get(i, j));
                double tolerance = 1e-5
                                * (Math.abs(alpha) * scale[i][j]
                                        + (before == null ? 0 : Math.abs(beta * before.get(i, j))))
                        + 1e-6;
                assertThat((double) c.get(i, j)).as("C[%d][%d]", i, j).isCloseTo(expected, within(tolerance));
            }
        }
    }

    /** Bit equality, reporting the first difference (AssertJ's full diff of big arrays takes minutes). */
    static void assertSameBits(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        int mismatch = java.util.Arrays.mismatch(actual, expected);
        assertThat(mismatch)
                .as(() -> "first difference at " + mismatch + ": " + actual[mismatch] + " vs " + expected[mismatch])
                .isEqualTo(-1);
    }

    private static float[] scaled(float[] x, float s) {
        float[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }

    // ---------------------------------------------------------------- top-k

    @ParameterizedTest(name = "{0}")
    @MethodSource("similarities")
    void topKMatchesABruteForceRanking(Similarity similarity) {
        FloatMatrix queries = ReferenceMath.gaussian(20, 70, 48, 1);
        FloatMatrix keys = ReferenceMath.gaussian(21, 700, 48, 1);
        assertTopK(backend().topK(queries, keys, 10, similarity, threads), queries, keys, 10, similarity);
    }

    static Stream<Similarity> similarities() {
        return Stream.of(Similarity.values());
    }

    @Test
    void topKOfFewQueriesOverManyKeysSplitsTheKeysAndMergesTheSame() {
        FloatMatrix queries = ReferenceMath.gaussian(22, 2, 16, 1);
        FloatMatrix keys = ReferenceMath.gaussian(23, 3000, 16, 1);
        TopK parallel = backend().topK(queries, keys, 25, Similarity.DOT, threads);
        TopK serial = backend().topK(queries, keys, 25, Similarity.DOT, Parallelism.serial());
        assertTopK(parallel, queries, keys, 25, Similarity.DOT);
        assertThat(parallel.indices()).containsExactly(serial.indices());
    }

    @Test
    void topKBreaksEqualScoresByTheLowerIndex() {
        float[] same = {1, 2, 3};
        FloatMatrix keys = FloatMatrix.ofRows(new float[] {0, 0, 1}, same, new float[] {-1, 0, 0}, same, same);
        TopK top = backend().topK(FloatMatrix.ofRows(new float[] {1, 1, 1}), keys, 4, Similarity.DOT, threads);
        assertThat(top.indicesOf(0)).containsExactly(1, 3, 4, 0);
    }

    @Test
    void topKWithMoreRequestedThanKeysPadsWithMinusOne() {
        FloatMatrix keys = FloatMatrix.ofRows(new float[] {1, 0}, new float[] {0, 1});
        TopK top = backend().topK(FloatMatrix.ofRows(new float[] {0, 2}), keys, 4, Similarity.DOT, threads);
        assertThat(top.indicesOf(0)).containsExactly(1, 0, -1, -1);
        assertThat(top.score(0, 0)).isEqualTo(2f);
        assertThat(top.score(0, 3)).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void cosineWithAZeroVectorScoresZero() {
        FloatMatrix keys = FloatMatrix.ofRows(new float[] {0, 0}, new float[] {-1, 0}, new float[] {3, 4});
        TopK top = backend()
                .topK(FloatMatrix.ofRows(new float[] {0, 5}, new float[] {0, 0}), keys, 3, Similarity.COSINE, threads);
        assertThat(top.indicesOf(0)).containsExactly(2, 0, 1);
        assertThat(top.score(0, 0)).isCloseTo(0.8f, within(1e-6f));
        assertThat(top.score(0, 1)).isEqualTo(0f);
        assertThat(top.indicesOf(1)).containsExactly(0, 1, 2);
        assertThat(top.scores()[3]).isEqualTo(0f);
    }

    private static void assertTopK(TopK top, FloatMatrix queries, FloatMatrix keys, int k, Similarity similarity) {
        float[][] keyRows = new float[keys.rows()][];
        for (int j = 0; j < keyRows.length; j++) {
            keyRows[j] = keys.row(j);
        }
        for (int q = 0; q < queries.rows(); q++) {
            float[] query = queries.row(q);
            List<double[]> exact = new ArrayList<>();
            for (int j = 0; j < keys.rows(); j++) {
                float[] key = keyRows[j];
                double s = ReferenceMath.dot(query, key);
                double scale = 0;
                for (int p = 0; p < key.length; p++) {
                    scale += Math.abs((double) query[p] * key[p]);
                }
                if (similarity == Similarity.COSINE) {
                    double norms = ReferenceMath.norm(query) * ReferenceMath.norm(key);
                    s /= norms;
                    scale /= norms;
                }
                exact.add(new double[] {s, j, scale});
            }
            double[] byIndex = exact.stream().mapToDouble(x -> x[0]).toArray();
            exact.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1]));
            for (int r = 0; r < k; r++) {
                double tolerance = 1e-5 * exact.get(r)[2] + 1e-6;
                int index = top.index(q, r);
                assertThat((double) top.score(q, r))
                        .as("score of rank %d of query %d", r, q)
                        .isCloseTo(exact.get(r)[0], within(tolerance));
                assertThat((double) top.score(q, r))
                        .as("score of key %d", index)
                        .isCloseTo(byIndex[index], within(tolerance));
            }
        }
    }

    // ---------------------------------------------------------------- norms

    @Test
    void rowNormsMatchTheReferenceAndAZeroRowHasNormZero() {
        FloatMatrix m = ReferenceMath.gaussian(30, 300, 77, 2);
        for (int j = 0; j < 77; j++) {
            m.set(5, j, 0f);
        }
        float[] norms = backend().rowNorms(m, threads);
        for (int i = 0; i < m.rows(); i++) {
            double expected = ReferenceMath.norm(m.row(i));
            assertThat((double) norms[i]).isCloseTo(expected, within(1e-5 * expected));
        }
        assertThat(norms[5]).isZero();
        assertThat(backend().rowNorms(FloatMatrix.zeros(3, 0), threads)).containsExactly(0f, 0f, 0f);
    }

    // ---------------------------------------------------------------- least squares

    @Test
    void leastSquaresSatisfiesTheNormalEquations() {
        FloatMatrix a = ReferenceMath.gaussian(40, 60, 9, 1);
        FloatMatrix b = ReferenceMath.gaussian(41, 25, 60, 1);
        FloatMatrix x = backend().leastSquares(a, b, threads);
        assertThat(x.rows()).isEqualTo(25);
        assertThat(x.cols()).isEqualTo(9);
        for (int r = 0; r < b.rows(); r++) {
            double[] residual = new double[60];
            for (int i = 0; i < 60; i++) {
                double s = b.get(r, i);
                for (int j = 0; j < 9; j++) {
                    s -= (double) a.get(i, j) * x.get(r, j);
                }
                residual[i] = s;
            }
            for (int j = 0; j < 9; j++) {
                double g = 0;
                double scale = 0;
                for (int i = 0; i < 60; i++) {
                    g += a.get(i, j) * residual[i];
                    scale += Math.abs(a.get(i, j) * residual[i]);
                }
                assertThat(g).as("Aᵀr[%d] of rhs %d", j, r).isCloseTo(0, within(1e-4 * scale + 1e-6));
            }
        }
    }

    @Test
    void leastSquaresRecoversAnExactSolutionAndTheOneByOneCase() {
        FloatMatrix a = ReferenceMath.gaussian(42, 8, 8, 1);
        float[] truth = {1, -2, 0.5f, 3, 0, -1, 2, 0.25f};
        float[] b = new float[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (float) ReferenceMath.dot(a.row(i), truth);
        }
        assertThat(backend().leastSquares(a, FloatMatrix.ofRows(b), threads).row(0))
                .containsExactly(truth, within(1e-3f));
        FloatMatrix x = backend()
                .leastSquares(FloatMatrix.ofRows(new float[] {4}), FloatMatrix.ofRows(new float[] {2}), threads);
        assertThat(x.get(0, 0)).isCloseTo(0.5f, within(1e-7f));
    }

    @Test
    void leastSquaresRejectsRankDeficientAndWideSystems() {
        FloatMatrix dependent = FloatMatrix.ofRows(new float[] {1, 2}, new float[] {2, 4}, new float[] {3, 6});
        assertThatThrownBy(() -> backend().leastSquares(dependent, FloatMatrix.zeros(1, 3), threads))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rank deficient");
        assertThatThrownBy(() -> backend().leastSquares(FloatMatrix.zeros(2, 3), FloatMatrix.zeros(1, 2), threads))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3");
    }

    // ---------------------------------------------------------------- OMP

    static List<String> ompFixtures() {
        return OmpFixture.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ompFixtures")
    void ompEqualsScikitLearnOnTheRecordedFixtures(String name) {
        OmpFixture f = OmpFixture.load(name);
        OmpResult r = backend().omp(f.dictionary(), f.targets(), f.options(), threads);
        for (int t = 0; t < f.targets().rows(); t++) {
            int expectedCount = f.expectedCounts()[t];
            int[] expectedAtoms = new int[expectedCount];
            System.arraycopy(f.expectedAtoms(), t * f.width(), expectedAtoms, 0, expectedCount);
            String where = name + " target " + t + " (" + f.generator() + ")";
            assertThat(r.atomsOf(t)).as("atoms of %s", where).containsExactly(expectedAtoms);
            float[] coefficients = r.coefficientsOf(t);
            for (int i = 0; i < expectedCount; i++) {
                double expected = f.expectedCoefficients()[t * f.width() + i];
                assertThat((double) coefficients[i])
                        .as("coefficient %d of %s", i, where)
                        .isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
            }
            double residual =
                    ReferenceMath.residualNorm(f.dictionary(), f.targets().row(t), r.atomsOf(t), coefficients);
            assertThat((double) r.residualNorms()[t])
                    .as("residual of %s", where)
                    .isCloseTo(residual, within(1e-4 * Math.max(1, residual)));
        }
    }

    @Test
    void ompRecoversASparseCombinationOfOrthonormalAtoms() {
        FloatMatrix identity = FloatMatrix.zeros(6, 6);
        for (int i = 0; i < 6; i++) {
            identity.set(i, i, 1f);
        }
        FloatMatrix target = FloatMatrix.ofRows(new float[] {0, 3, 0, -5, 0, 0.5f});
        OmpResult r = backend().omp(identity, target, OmpOptions.atoms(4), threads);
        assertThat(r.atomsOf(0)).containsExactly(3, 1, 5); // then nothing is left: an early stop with 3 atoms
        assertThat(r.coefficientsOf(0)).containsExactly(new float[] {-5, 3, 0.5f}, within(1e-6f));
        assertThat(r.residualNorms()[0]).isCloseTo(0f, within(1e-6f));
        assertThat(r.atoms()).containsExactly(3, 1, 5, -1);
    }

    @Test
    void ompOfAZeroTargetSelectsNothing() {
        OmpResult r = backend()
                .omp(ReferenceMath.gaussian(50, 10, 4, 1), FloatMatrix.zeros(2, 4), OmpOptions.atoms(3), threads);
        assertThat(r.atomCounts()).containsExactly(0, 0);
        assertThat(r.residualNorms()).containsExactly(0f, 0f);
        assertThat(r.coefficients()).containsOnly(0f);
    }

    @Test
    void ompOnAOneByOneDictionary() {
        OmpResult r = backend()
                .omp(
                        FloatMatrix.ofRows(new float[] {2}),
                        FloatMatrix.ofRows(new float[] {3}, new float[] {-1}),
                        OmpOptions.atoms(1),
                        threads);
        assertThat(r.atoms()).containsExactly(0, 0);
        assertThat(r.coefficients()).containsExactly(new float[] {1.5f, -0.5f}, within(1e-7f));
    }

    @Test
    void ompStopsWhenMoreAtomsAreAskedThanTheDictionaryHasRank() {
        FloatMatrix basis = ReferenceMath.gaussian(51, 3, 16, 1);
        FloatMatrix dictionary = FloatMatrix.zeros(40, 16);
        FloatMatrix mix = ReferenceMath.gaussian(52, 40, 3, 1);
        FloatMatrix product = FloatMatrix.zeros(40, 16);
        backend().gemm(GemmForm.A_B, 1f, mix, basis, 0f, product, threads);
        dictionary.segment().copyFrom(product.segment());
        OmpResult r = backend().omp(dictionary, ReferenceMath.gaussian(53, 5, 16, 1), OmpOptions.atoms(10), threads);
        for (int t = 0; t < 5; t++) {
            assertThat(r.atomCount(t))
                    .as("atoms of target %d", t)
                    .isLessThanOrEqualTo(3)
                    .isPositive();
        }
    }

    @Test
    void ompNeverSelectsBothOfTwoDuplicateAtoms() {
        FloatMatrix dictionary = ReferenceMath.gaussian(54, 30, 8, 1);
        dictionary.setRow(20, dictionary.row(4));
        float[] y = dictionary.row(4);
        y[0] += 0.01f;
        OmpResult r = backend().omp(dictionary, FloatMatrix.ofRows(y), OmpOptions.atoms(8), threads);
        assertThat(r.atomsOf(0)).contains(4).doesNotContain(20);
    }

    @Test
    void ompWithToleranceStopsOnceTheResidualIsSmallEnough() {
        FloatMatrix dictionary = ReferenceMath.gaussian(55, 100, 24, 0.2);
        FloatMatrix targets = ReferenceMath.gaussian(56, 20, 24, 0.2);
        OmpResult r = backend().omp(dictionary, targets, OmpOptions.tolerance(0.05, 24), threads);
        for (int t = 0; t < 20; t++) {
            int count = r.atomCount(t);
            assertThat(count).isBetween(1, 24);
            if (count < 24) {
                assertThat((double) r.residualNorms()[t] * r.residualNorms()[t]).isLessThanOrEqualTo(0.05 + 1e-6);
            }
        }
    }

    @Test
    void ompGivesTheSameResultOnOneThreadAndOnManyAndFromNativeMemory() {
        FloatMatrix dictionary = ReferenceMath.gaussian(57, 500, 40, 1);
        FloatMatrix targets = ReferenceMath.gaussian(58, 37, 40, 1);
        OmpResult serial = backend().omp(dictionary, targets, OmpOptions.atoms(12), Parallelism.serial());
        OmpResult parallel = backend().omp(dictionary, targets, OmpOptions.atoms(12), threads);
        assertThat(parallel.atoms()).containsExactly(serial.atoms());
        assertThat(parallel.coefficients()).containsExactly(serial.coefficients());
        try (Arena arena = Arena.ofShared()) {
            FloatMatrix nativeDictionary = FloatMatrix.allocate(arena, 500, 40);
            nativeDictionary.segment().copyFrom(dictionary.segment());
            OmpResult fromNative = backend().omp(nativeDictionary, targets, OmpOptions.atoms(12), threads);
            assertThat(fromNative.atoms()).containsExactly(serial.atoms());
        }
    }

    @Test
    void ompRejectsMoreAtomsThanTheDictionaryHasAndMismatchedRows() {
        assertThatThrownBy(() ->
                        backend().omp(FloatMatrix.zeros(3, 4), FloatMatrix.zeros(1, 4), OmpOptions.atoms(4), threads))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 atoms");
        assertThatThrownBy(() ->
                        backend().omp(FloatMatrix.zeros(3, 4), FloatMatrix.zeros(1, 5), OmpOptions.atoms(1), threads))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x4")
                .hasMessageContaining("1x5");
    }
}
