package dev.tokensmith.transplant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.train.TrainingProgress;
import dev.tokensmith.math.MathBackends;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.transplant.align.VocabAlignment;
import dev.tokensmith.transplant.method.MethodContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Experiment B in miniature (r50k_base, 30 sentences, donor-free baselines): the full run is the CLI's. */
@Tag("slow")
class TokenizerSwapExperimentTest {
    static final Path DATA = Path.of(System.getProperty("tokensmith.data", "../shared/data"));
    static final EvalModels MODELS = EvalModels.defaults(Path.of("target", "test-models"));

    @Test
    void theBaseOnGpt2TokensKeepsItsSpecialRowsAndFvtBeatsZero() {
        EvalSettings settings = new EvalSettings(DATA, 30, 300, 42, 64, 2);
        List<String> notes = new ArrayList<>();
        try (Parallelism p = Parallelism.threads(2)) {
            TokenizerSwapExperiment.Outcome o = TokenizerSwapExperiment.run(
                    MODELS,
                    Tokenizers.load("r50k_base"),
                    VocabAlignment::between,
                    settings,
                    List.of("fvt", "zero"),
                    new MethodContext(MathBackends.select("cpu"), p),
                    notes::add,
                    TrainingProgress.NONE);
            Map<String, MethodScore> s = o.scores();
            assertThat(s.get("fvt").sentenceCosine())
                    .isGreaterThan(s.get("zero").sentenceCosine());
        }
        assertThat(notes).anyMatch(n -> n.contains("5 special rows appended"));
    }
}
