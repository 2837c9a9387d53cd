package dev.tokensmith.transplant.method;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.MathBackends;
import dev.tokensmith.math.OmpOptions;
import dev.tokensmith.math.OmpResult;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.transplant.RecordingProgress;
import dev.tokensmith.transplant.Transplant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Methods report their per-token work: one stage per table, forward only, ending at the number of new tokens. */
class MethodProgressTest {
    static final MathBackend CPU = MathBackends.select("cpu");

    @Test
    void everyMethodReportsEachTableUpToItsNewTokens() {
        FloatMatrix base = MethodsTest.random(10, MethodsTest.HIDDEN, 1);
        TransplantProblem p = MethodsTest.problem(base, MethodsTest.random(12, 4, 2))
                .head(MethodsTest.random(10, MethodsTest.HIDDEN, 3))
                .build();
        AuxiliarySpace aux =
                AuxiliarySpace.table("donor", p.donor().orElseThrow().input(), i -> i, i -> 9 - i);
        for (String name : Methods.NAMES) {
            RecordingProgress progress = new RecordingProgress();
            Transplant.run(
                    p,
                    Methods.byName(name, MethodsTest.SPLITTER, aux),
                    new MethodContext(CPU, Parallelism.serial(), progress));
            assertThat(progress.names()).as(name).containsExactly(name + ": input embeddings", name + ": output head");
            assertThat(progress.stages()).as(name).allMatch(s -> s.total() == 2);
            progress.assertEveryStageReachedItsTotal();
        }
    }

    /** 500 new tokens go to the backend in chunks of 64 (one thread); the rows are those of one call for all. */
    @Test
    void ompInChunksReportsEachChunkAndMatchesOneBatchedCall() {
        int shared = 40;
        int added = 500;
        FloatMatrix base = MethodsTest.random(shared, 8, 4);
        FloatMatrix donor = MethodsTest.random(shared + added, 12, 5);
        int[] ids = IntStream.range(0, shared).toArray();
        int[] newIds = IntStream.range(shared, shared + added).toArray();
        TransplantProblem p = TransplantProblem.builder(base, shared + added)
                .shared(ids, ids)
                .newTokens(
                        newIds, IntStream.range(0, added).mapToObj(i -> "t" + i).toArray(String[]::new))
                .donor(DonorTables.of(donor))
                .build();
        RecordingProgress progress = new RecordingProgress();
        Estimate e = Methods.omp(5).estimate(p, Table.INPUT, new MethodContext(CPU, Parallelism.serial(), progress));

        assertThat(progress.names()).containsExactly("omp: input embeddings");
        assertThat(progress.stages().getFirst().advances())
                .hasSize(8)
                .startsWith(64L)
                .endsWith(52L);
        progress.assertEveryStageReachedItsTotal();

        OmpResult whole =
                CPU.omp(Rows.gather(donor, ids), Rows.gather(donor, newIds), OmpOptions.atoms(5), Parallelism.serial());
        for (int t = 0; t < added; t++) {
            int[] atoms = whole.atomsOf(t);
            float[] coef = whole.coefficientsOf(t);
            double[] w = new double[atoms.length];
            for (int j = 0; j < atoms.length; j++) {
                w[j] = coef[j];
            }
            assertThat(e.rows().row(t)).as("token " + t).containsExactly(Rows.combine(base, atoms, w, atoms.length));
        }
        assertThat(OmpMethod.chunkSize(6104, 16)).isEqualTo(1024);
        assertThat(OmpMethod.chunkSize(200_000, 16)).isEqualTo(3125);
    }
}
