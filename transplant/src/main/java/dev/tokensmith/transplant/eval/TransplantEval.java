package dev.tokensmith.transplant.eval;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.train.TrainingProgress;
import dev.tokensmith.transplant.align.VocabAlignment;
import dev.tokensmith.transplant.method.MethodContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs {@code transplant eval}: experiment A ({@link HeldOutExperiment}) and experiment B ({@link
 * TokenizerSwapExperiment}) for each new tokenizer, into one {@link EvalReport}.
 *
 * <pre>{@code
 * EvalReport r = TransplantEval.run(TransplantEval.Request.defaults(models, settings, cache), context, log);
 * System.out.println(r.toJson());
 * }</pre>
 */
public final class TransplantEval {
    private TransplantEval() {}

    /**
     * @param models base, its tokenizer, donor
     * @param settings sentences, pairs, seed, threads
     * @param heldOutFraction experiment A's share of the vocabulary (0: skip A)
     * @param methodsA experiment A's methods
     * @param tokenizersB experiment B's new tokenizers: a name or file {@link Tokenizers#load} knows, or
     *     {@code trained} for the Tokensmith-trained byte-level BPE (30k)
     * @param methodsB experiment B's methods
     * @param cacheDir where the trained tokenizer is kept
     */
    public record Request(
            EvalModels models,
            EvalSettings settings,
            double heldOutFraction,
            List<String> methodsA,
            List<String> tokenizersB,
            List<String> methodsB,
            Path cacheDir) {}

    public static final String TRAINED = "trained";
    public static final int TRAINED_VOCAB = 30_000;

    public static EvalReport run(Request req, MethodContext context, Consumer<String> log, TrainingProgress progress) {
        Optional<HeldOutExperiment.Outcome> a = Optional.empty();
        if (req.heldOutFraction() > 0 && !req.methodsA().isEmpty()) {
            log.accept("experiment A: held-out tokens");
            a = Optional.of(HeldOutExperiment.run(
                    req.models(), req.settings(), req.heldOutFraction(), req.methodsA(), context, log, progress));
        }
        Map<String, TokenizerSwapExperiment.Outcome> b = new LinkedHashMap<>();
        for (String t : req.tokenizersB()) {
            String name;
            Tokenizer tok;
            if (t.equals(TRAINED)) {
                name = TrainedTokenizer.name(TRAINED_VOCAB);
                log.accept("training " + name + " (or reading it from " + req.cacheDir() + ")");
                tok = TrainedTokenizer.load(
                        req.settings().dataDir(),
                        req.cacheDir(),
                        TRAINED_VOCAB,
                        req.settings().threads());
            } else {
                name = Path.of(t).getFileName().toString();
                tok = Tokenizers.load(t);
            }
            log.accept("experiment B: " + name);
            b.put(
                    name,
                    TokenizerSwapExperiment.run(
                            req.models(),
                            tok,
                            VocabAlignment::between,
                            req.settings(),
                            req.methodsB(),
                            context,
                            log,
                            progress));
        }
        return new EvalReport(a, b);
    }
}
