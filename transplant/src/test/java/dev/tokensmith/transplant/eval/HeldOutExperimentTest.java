package dev.tokensmith.transplant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.train.TrainingProgress;
import dev.tokensmith.math.MathBackends;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.transplant.method.MethodContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Experiment A in miniature (0.1% of the vocabulary, 30 sentences): the full run is {@link TransplantEvalBench}
 * and the CLI's {@code transplant eval}.
 */
@Tag("slow")
class HeldOutExperimentTest {
    static final Path DATA = Path.of(System.getProperty("tokensmith.data", "../shared/data"));
    static final EvalModels MODELS = EvalModels.defaults(Path.of("target", "test-models"));

    @Test
    void ompRebuildsHeldOutRowsFromTheDonorBetterThanTheBaselines() {
        EvalSettings settings = new EvalSettings(DATA, 30, 300, 42, 64, 2);
        List<String> notes = new ArrayList<>();
        try (Parallelism p = Parallelism.threads(2)) {
            HeldOutExperiment.Outcome o = HeldOutExperiment.run(
                    MODELS,
                    settings,
                    0.001,
                    List.of("omp", "fvt", "zero"),
                    new MethodContext(MathBackends.select("cpu"), p),
                    notes::add,
                    TrainingProgress.NONE);
            assertThat(o.heldOut()).isEqualTo(31);
            Map<String, MethodScore> s = o.scores();
            assertThat(s.get("omp").rowCosine())
                    .isGreaterThan(0.5)
                    .isGreaterThan(s.get("fvt").rowCosine());
            assertThat(s.get("zero").rowCosine()).isZero();
            assertThat(s.get("omp").sentenceCosine())
                    .isGreaterThan(s.get("zero").sentenceCosine());
            assertThat(s.get("omp").sentenceCosine()).isLessThanOrEqualTo(1.0 + 1e-6);
        }
        assertThat(notes).anyMatch(n -> n.startsWith("held out 31 of 30522"));
    }

    @Test
    void specialTokensAndSingleCharactersAreNeverHeldOut() {
        Tokenizer t = MODELS.tokenizer();
        boolean[] held = HeldOutExperiment.chooseHeldOut(t, 30522, 0.2, 42);
        int count = 0;
        for (int id = 0; id < held.length; id++) {
            if (held[id]) {
                count++;
                String tok = t.idToToken(id);
                assertThat(tok).doesNotStartWith("[");
                assertThat(tok.replaceFirst("^##", "")
                                .codePointCount(0, tok.replaceFirst("^##", "").length()))
                        .isGreaterThan(1);
            }
        }
        assertThat(count).isEqualTo(6104);
        assertThat(HeldOutExperiment.chooseHeldOut(t, 30522, 0.2, 42)).isEqualTo(held);
    }

    @Test
    void wordPieceTokensKeepTheirPlaceInAWord() {
        assertThat(HeldOutExperiment.wordPieceSurface("##ing")).isEqualTo("ing");
        assertThat(HeldOutExperiment.wordPieceSurface("the")).isEqualTo(" the");
        assertThat(HeldOutExperiment.wordPieceSurface("...")).isEqualTo("...");
    }
}
