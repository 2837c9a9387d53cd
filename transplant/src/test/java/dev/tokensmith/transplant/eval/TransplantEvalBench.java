package dev.tokensmith.transplant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.math.MathBackends;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.transplant.method.MethodContext;
import dev.tokensmith.transplant.method.Methods;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full experiments (minutes; excluded from the default suite). Run with
 * {@code -Dtest=TransplantEvalBench -Dsurefire.excludedGroups=gpu}; the numbers go to docs/transplant.md.
 */
@Tag("bench")
class TransplantEvalBench {
    static final Path DATA = Path.of(System.getProperty("tokensmith.data", "../shared/data"));

    @Test
    void heldOutTokens() {
        EvalSettings settings = EvalSettings.defaults(DATA);
        try (Parallelism p = Parallelism.threads(settings.threads())) {
            MethodContext ctx = new MethodContext(MathBackends.select(null), p);
            HeldOutExperiment.Outcome o = HeldOutExperiment.run(
                    EvalModels.defaults(Path.of("target", "test-models")),
                    settings,
                    0.2,
                    Methods.NAMES,
                    ctx,
                    System.err::println,
                    dev.tokensmith.core.train.TrainingProgress.NONE);
            System.err.println(o);
            Map<String, MethodScore> s = o.scores();
            for (String m : List.of("tokenadapt", "fvt", "first-subword", "last-subword", "mean", "zero")) {
                assertThat(s.get("omp").sentenceCosine())
                        .as("omp vs " + m)
                        .isGreaterThan(s.get(m).sentenceCosine());
            }
        }
    }

    /** Experiment A's OMP quality report (residuals, coefficient norms, outliers), without the sentence encoding. */
    @Test
    void heldOutOmpReport() {
        EvalModels models = EvalModels.defaults(Path.of("target", "test-models"));
        dev.tokensmith.core.Tokenizer tokenizer = models.tokenizer();
        dev.tokensmith.math.FloatMatrix base;
        dev.tokensmith.math.FloatMatrix donor;
        try (dev.tokensmith.transplant.onnx.OnnxModel m =
                dev.tokensmith.transplant.onnx.OnnxModel.open(models.baseOnnx())) {
            base = HeldOutExperiment.toMath(m.wordEmbeddings().table());
        }
        try (dev.tokensmith.transplant.onnx.OnnxModel m =
                dev.tokensmith.transplant.onnx.OnnxModel.open(models.donorOnnx())) {
            donor = HeldOutExperiment.toMath(m.wordEmbeddings().table());
        }
        boolean[] held = HeldOutExperiment.chooseHeldOut(tokenizer, base.rows(), 0.2, 42);
        var problem = HeldOutExperiment.problem(tokenizer, base, donor, held);
        try (Parallelism p = Parallelism.threads(Runtime.getRuntime().availableProcessors())) {
            var r = dev.tokensmith.transplant.Transplant.run(
                    problem, Methods.omp(Methods.OMP_K), new MethodContext(MathBackends.select(null), p));
            System.err.println(r.report().toText(15));
            assertThat(r.report().tokens()).hasSize(6104);
        }
    }
}
