package dev.tokensmith.transplant.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.MathBackends;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.transplant.Transplant;
import dev.tokensmith.transplant.TransplantResult;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every method on small synthetic tables whose right answers are known. */
class MethodsTest {
    static final MethodContext CTX = new MethodContext(MathBackends.select("cpu"), Parallelism.serial());
    static final int HIDDEN = 6;

    /** 10 base rows; new vocab: ids 0..9 shared (old id = 9 - new id), ids 10 and 11 new. */
    static TransplantProblem.Builder problem(FloatMatrix base, FloatMatrix donor) {
        int[] oldIds = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        int[] newIds = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        TransplantProblem.Builder b = TransplantProblem.builder(base, 12)
                .shared(oldIds, newIds)
                .newTokens(new int[] {10, 11}, new String[] {" ab", "c"});
        return donor == null ? b : b.donor(DonorTables.of(donor));
    }

    static FloatMatrix random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        FloatMatrix m = FloatMatrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, (float) r.nextGaussian());
            }
        }
        return m;
    }

    /** A splitter over ids 0..9: " ab" → [1, 2], "c" → [3]; texts "a", "b", "c"... by id. */
    static final OldTokenSplitter SPLITTER = new OldTokenSplitter() {
        @Override
        public int[] split(String text) {
            return switch (text) {
                case " ab" -> new int[] {1, 2};
                case "c" -> new int[] {3};
                default -> new int[0];
            };
        }

        @Override
        public String text(int oldId) {
            return String.valueOf((char) ('a' + oldId - 1));
        }
    };

    @Test
    void sharedTokensCopyTheirBaseRowInEveryMethod() {
        FloatMatrix base = random(10, HIDDEN, 1);
        TransplantProblem p = problem(base, random(12, 4, 2)).build();
        AuxiliarySpace aux =
                AuxiliarySpace.table("donor", p.donor().orElseThrow().input(), i -> i, i -> 9 - i);
        for (String name : Methods.NAMES) {
            TransplantResult r = Transplant.run(p, Methods.byName(name, SPLITTER, aux), CTX);
            assertThat(r.inputEmbeddings().rows()).isEqualTo(12);
            for (int n = 0; n < 10; n++) {
                assertThat(r.inputEmbeddings().row(n)).as(name + " row " + n).containsExactly(base.row(9 - n));
            }
        }
    }

    @Test
    void zeroAndMeanIgnoreTheToken() {
        FloatMatrix base = random(10, HIDDEN, 3);
        TransplantProblem p = problem(base, null).oldIds(new int[] {0, 1, 2}).build();
        assertThat(Transplant.run(p, Methods.zero(), CTX).inputEmbeddings().row(10))
                .containsOnly(0f);
        float[] mean = Transplant.run(p, Methods.mean(), CTX).inputEmbeddings().row(11);
        for (int c = 0; c < HIDDEN; c++) {
            assertThat(mean[c]).isCloseTo((base.get(0, c) + base.get(1, c) + base.get(2, c)) / 3, within(1e-6f));
        }
    }

    @Test
    void meanNoiseIsSeeded() {
        TransplantProblem p = problem(random(10, HIDDEN, 3), null).build();
        float[] a =
                Transplant.run(p, Methods.mean(0.1, 7), CTX).inputEmbeddings().row(10);
        float[] b =
                Transplant.run(p, Methods.mean(0.1, 7), CTX).inputEmbeddings().row(10);
        float[] c =
                Transplant.run(p, Methods.mean(0.1, 8), CTX).inputEmbeddings().row(10);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void subwordBaselinesUseTheOldPieces() {
        FloatMatrix base = random(10, HIDDEN, 4);
        TransplantProblem p = problem(base, null).build();
        float[] fvt =
                Transplant.run(p, Methods.fvt(SPLITTER), CTX).inputEmbeddings().row(10);
        float[] first = Transplant.run(p, Methods.firstSubword(SPLITTER), CTX)
                .inputEmbeddings()
                .row(10);
        float[] last = Transplant.run(p, Methods.lastSubword(SPLITTER), CTX)
                .inputEmbeddings()
                .row(10);
        for (int c = 0; c < HIDDEN; c++) {
            assertThat(fvt[c]).isCloseTo((base.get(1, c) + base.get(2, c)) / 2, within(1e-6f));
        }
        assertThat(first).containsExactly(base.row(1));
        assertThat(last).containsExactly(base.row(2));
    }

    @Test
    void aTextWithNoOldPiecesFallsBackToTheMean() {
        TransplantProblem p = TransplantProblem.builder(random(10, HIDDEN, 5), 11)
                .newTokens(new int[] {10}, new String[] {"zzz"})
                .build();
        TransplantResult r = Transplant.run(p, Methods.fvt(SPLITTER), CTX);
        assertThat(r.report().fallbacks()).isEqualTo(1);
    }

    @Test
    void ompCarriesDonorCoefficientsToTheBaseRows() {
        // The donor space is an invertible linear image of the base space, and the new token is
        // 0.5·(shared 3) − 2·(shared 7) in both. With as many atoms as dimensions, OMP reconstructs the donor row
        // exactly, and any exact combination in the donor space is the same combination in the base space.
        FloatMatrix base = random(10, HIDDEN, 6);
        FloatMatrix map = random(HIDDEN, HIDDEN, 7);
        FloatMatrix donor = FloatMatrix.zeros(12, HIDDEN);
        FloatMatrix baseByNewId = FloatMatrix.zeros(12, HIDDEN);
        for (int n = 0; n < 10; n++) {
            baseByNewId.setRow(n, base.row(9 - n));
        }
        float[] truth = new float[HIDDEN];
        for (int c = 0; c < HIDDEN; c++) {
            truth[c] = 0.5f * baseByNewId.get(3, c) - 2f * baseByNewId.get(7, c);
        }
        baseByNewId.setRow(10, truth);
        baseByNewId.setRow(11, baseByNewId.row(5));
        for (int n = 0; n < 12; n++) {
            for (int c = 0; c < HIDDEN; c++) {
                double s = 0;
                for (int j = 0; j < HIDDEN; j++) {
                    s += baseByNewId.get(n, j) * map.get(j, c);
                }
                donor.set(n, c, (float) s);
            }
        }
        TransplantProblem p = problem(base, donor).build();
        TransplantResult r = Transplant.run(p, Methods.omp(HIDDEN), CTX);
        float[] rebuilt = r.inputEmbeddings().row(10);
        for (int c = 0; c < HIDDEN; c++) {
            assertThat(rebuilt[c]).isCloseTo(truth[c], within(1e-3f));
        }
        assertThat(r.report().tokens().getFirst().relativeResidual()).isLessThan(1e-4);
        // Token 11 is shared token 5's donor row, so it gets (about) that token's base row.
        float[] copy = r.inputEmbeddings().row(11);
        for (int c = 0; c < HIDDEN; c++) {
            assertThat(copy[c]).isCloseTo(base.get(4, c), within(1e-3f));
        }
    }

    @Test
    void ompNeedsADonor() {
        TransplantProblem p = problem(random(10, HIDDEN, 8), null).build();
        assertThatThrownBy(() -> Transplant.run(p, Methods.omp(4), CTX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("donor");
    }

    @Test
    void untiedHeadsAreTransplantedSeparately() {
        FloatMatrix base = random(10, HIDDEN, 9);
        FloatMatrix head = random(10, HIDDEN, 10);
        TransplantProblem p = problem(base, null).head(head).build();
        TransplantResult r = Transplant.run(p, Methods.firstSubword(SPLITTER), CTX);
        assertThat(r.inputEmbeddings().row(11)).containsExactly(base.row(3));
        assertThat(r.outputHead().orElseThrow().row(11)).containsExactly(head.row(3));
        assertThat(r.outputHead().orElseThrow().row(0)).containsExactly(head.row(9));
    }

    @Test
    void tokenAdaptMixesLocalAndGlobalEstimates() {
        // Auxiliary space: new token 11 ("c") points exactly at old token 3's direction; k = 1, so the global
        // estimate is old token 3's row, and its single piece is token 3 as well.
        FloatMatrix base = random(10, HIDDEN, 11);
        FloatMatrix auxTable = FloatMatrix.zeros(12, 3);
        for (int id = 0; id < 10; id++) {
            auxTable.set(id, id % 3, 1f + id);
        }
        auxTable.setRow(10, new float[] {1, 1, 0});
        auxTable.setRow(11, auxTable.row(3));
        AuxiliarySpace aux = AuxiliarySpace.table("test", auxTable, i -> i, i -> i);
        TransplantProblem p = problem(base, null).build();
        TransplantResult r = Transplant.run(p, Methods.tokenAdapt(1, 0.3, 0.3, SPLITTER, aux), CTX);
        float[] row = r.inputEmbeddings().row(11);
        // Old ids with the same aux direction as 3 (0, 3, 6, 9) tie; the lowest index (0) is the neighbour.
        for (int c = 0; c < HIDDEN; c++) {
            assertThat(row[c]).isCloseTo(0.7f * base.get(3, c) + 0.3f * base.get(0, c), within(1e-5f));
        }
    }

    @Test
    void tokenAdaptLocalWeightsFollowThePublishedFormula() {
        FloatMatrix base = random(10, HIDDEN, 12);
        FloatMatrix auxTable = random(12, 4, 13);
        AuxiliarySpace aux = AuxiliarySpace.table("test", auxTable, i -> i, i -> i);
        TransplantProblem p = problem(base, null).build();
        // w = 0: local only. " ab" splits into 1 ("a") and 2 ("b"), each half the length of "ab".
        float[] row = Transplant.run(p, Methods.tokenAdapt(3, 0.3, 0, SPLITTER, aux), CTX)
                .inputEmbeddings()
                .row(10);
        double s1 = Rows.cosine(auxTable.row(10), auxTable.row(1));
        double s2 = Rows.cosine(auxTable.row(10), auxTable.row(2));
        double a1 = 1 / (1 + Math.exp((s2 - s1) / 0.3));
        double a2 = 1 - a1;
        double c1 = (a1 + 0.5) / 2;
        double c2 = (a2 + 0.5) / 2;
        double w1 = 1 / (1 + Math.exp((c2 - c1) / 0.3));
        for (int c = 0; c < HIDDEN; c++) {
            assertThat((double) row[c]).isCloseTo(w1 * base.get(1, c) + (1 - w1) * base.get(2, c), within(1e-5));
        }
    }

    @Test
    void unknownMethodNamesListTheKnownOnes() {
        assertThatThrownBy(() -> Methods.byName("nope", SPLITTER, null))
                .hasMessageContaining("omp")
                .hasMessageContaining("tokenadapt");
        assertThat(Methods.omp(64).settings()).isEqualTo(Map.of("k", 64));
    }
}
