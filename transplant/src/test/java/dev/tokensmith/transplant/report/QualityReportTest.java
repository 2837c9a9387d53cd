package dev.tokensmith.transplant.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.MathBackends;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.transplant.Transplant;
import dev.tokensmith.transplant.method.DonorTables;
import dev.tokensmith.transplant.method.MethodContext;
import dev.tokensmith.transplant.method.Methods;
import dev.tokensmith.transplant.method.TransplantProblem;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-token report: outliers by norm, OMP diagnostics, summaries, text and JSON. */
class QualityReportTest {
    static final MethodContext CTX = new MethodContext(MathBackends.select("cpu"), Parallelism.serial());

    /**
     * 200 base rows of norm about 1; two shared tokens (0 and 1) whose donor rows are nearly the same. New token
     * 2 is their mean in the donor space (harmless); new token 3 is 1000 × their tiny difference, so OMP rebuilds
     * it as 1000 × (base 1 − base 0): a row that dwarfs every base row.
     */
    static QualityReport ompReport() {
        Random r = new Random(1);
        FloatMatrix base = FloatMatrix.zeros(200, 4);
        for (int i = 0; i < 200; i++) {
            for (int c = 0; c < 4; c++) {
                base.set(i, c, (float) (r.nextGaussian() * 0.5));
            }
        }
        FloatMatrix donor = FloatMatrix.ofRows(
                new float[] {1, 0}, new float[] {1, 0.001f}, new float[] {1, 0.0005f}, new float[] {0, 1});
        TransplantProblem p = TransplantProblem.builder(base, 4)
                .shared(new int[] {0, 1}, new int[] {0, 1})
                .newTokens(new int[] {2, 3}, new String[] {" plain", " wild"})
                .donor(DonorTables.of(donor))
                .build();
        return Transplant.run(p, Methods.omp(2), CTX).report();
    }

    @Test
    void aRowFarAboveTheBaseNormsIsAnOutlier() {
        QualityReport r = ompReport();
        assertThat(r.outliers()).extracting(TokenQuality::text).containsExactly(" wild");
        TokenQuality plain = r.tokens().getFirst();
        assertThat(plain.outlier()).isFalse();
        assertThat(plain.relativeResidual()).isLessThan(1e-3);
        assertThat(plain.atoms()).isBetween(1, 2);
        assertThat(r.tokens().get(1).coefficientL1()).isGreaterThan(1000);
        assertThat(r.tokens().get(1).normZScore()).isGreaterThan(r.outlierSigmas());
    }

    @Test
    void rendersTextAndJson() {
        QualityReport r = ompReport();
        String text = r.toText(5);
        assertThat(text)
                .contains("method omp")
                .contains("OUTLIER")
                .contains("\" wild\"")
                .contains("relative residual");
        ObjectNode json = r.toJson();
        assertThat(json.get("method").asText()).isEqualTo("omp");
        assertThat(json.get("outliers").get(0).asInt()).isEqualTo(3);
        assertThat(json.get("tokens")).hasSize(2);
        assertThat(json.at("/summary/relativeResidual/max").isNumber()).isTrue();
    }

    @Test
    void summariesSkipMissingValues() {
        Summary s = Summary.of(new double[] {3, Double.NaN, 1, 2});
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(2);
        assertThat(s.median()).isEqualTo(2);
        assertThat(s.max()).isEqualTo(3);
    }
}
