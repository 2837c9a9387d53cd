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

    /** 200 unit-ish base rows; the donor gives new token 201 a direction that needs huge coefficients. */
    static QualityReport ompReport() {
        Random r = new Random(1);
        int n = 200;
        int d = 4;
        FloatMatrix base = FloatMatrix.zeros(n, d);
        FloatMatrix donor = FloatMatrix.zeros(n + 2, d);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                base.set(i, c, (float) (r.nextGaussian() * 0.5));
                donor.set(i, c, (float) r.nextGaussian());
            }
        }
        // 200: a plain combination of two shared tokens; 201: the tiny difference of two near-equal donor rows.
        donor.set(2, 0, donor.get(1, 0) + 1e-3f);
        for (int c = 0; c < d; c++) {
            donor.set(n, c, donor.get(5, c) + donor.get(6, c));
            donor.set(n + 1, c, 1e3f * (donor.get(2, c) - donor.get(1, c)));
        }
        int[] ids = java.util.stream.IntStream.range(0, n).toArray();
        TransplantProblem p = TransplantProblem.builder(base, n + 2)
                .shared(ids, ids)
                .newTokens(new int[] {n, n + 1}, new String[] {" plain", " wild"})
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
        assertThat(plain.relativeResidual()).isLessThan(1e-4);
        assertThat(plain.atoms()).isEqualTo(2);
        assertThat(r.tokens().get(1).coefficientL1()).isGreaterThan(100);
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
        assertThat(json.get("outliers").get(0).asInt()).isEqualTo(201);
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
