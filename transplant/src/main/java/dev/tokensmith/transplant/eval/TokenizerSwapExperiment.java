package dev.tokensmith.transplant.eval;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.train.TrainingProgress;
import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.transplant.Alignments;
import dev.tokensmith.transplant.AppendedSpecials;
import dev.tokensmith.transplant.Transplant;
import dev.tokensmith.transplant.TransplantResult;
import dev.tokensmith.transplant.align.SpecialRole;
import dev.tokensmith.transplant.align.SpecialTokens;
import dev.tokensmith.transplant.align.VocabAlignment;
import dev.tokensmith.transplant.method.AuxiliarySpace;
import dev.tokensmith.transplant.method.MethodContext;
import dev.tokensmith.transplant.method.Methods;
import dev.tokensmith.transplant.method.OldTokenSplitter;
import dev.tokensmith.transplant.method.TransplantMethod;
import dev.tokensmith.transplant.method.TransplantProblem;
import dev.tokensmith.transplant.method.VocabMapping;
import dev.tokensmith.transplant.onnx.OnnxModel;
import dev.tokensmith.transplant.onnx.SentenceEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Experiment B: the base model with a different real tokenizer. Tokens shared on their canonical bytes copy
 * their rows; the others are estimated by the donor-free methods (OMP needs a donor that has the new
 * vocabulary, which this setting has not). The base's special tokens the new tokenizer lacks are appended to it
 * with their rows copied, as {@code transplant} does ({@link AppendedSpecials}), and every input is framed
 * {@code [CLS] … [SEP]} with the new ids of the base's rows, as the base expects. Fidelity
 * compares the original model on its own tokens with the transplanted model on the new tokens (mean pooling
 * absorbs the different lengths).
 */
public final class TokenizerSwapExperiment {
    private TokenizerSwapExperiment() {}

    /**
     * @param shared tokens shared with the base (special rows excluded)
     * @param added new tokens estimated by the methods
     * @param lengthRatio new tokens per original token over the sentences (framing excluded)
     * @param scores per method
     */
    public record Outcome(int shared, int added, double lengthRatio, Map<String, MethodScore> scores) {}

    /** The donor-free methods of experiment B. */
    public static final List<String> METHODS =
            List.of("tokenadapt", "fvt", "first-subword", "last-subword", "mean", "zero");

    public static Outcome run(
            EvalModels models,
            Tokenizer newTokenizer,
            BiFunction<Tokenizer, Tokenizer, VocabAlignment> aligner,
            EvalSettings settings,
            List<String> methodNames,
            MethodContext context,
            Consumer<String> log,
            TrainingProgress progress) {
        Tokenizer baseTok = models.tokenizer();
        Tokenizer newTok = newTokenizer.withoutTruncationOrPadding();
        FloatMatrix base;
        String initializer;
        try (OnnxModel m = OnnxModel.open(models.baseOnnx())) {
            OnnxModel.WordEmbeddings we = m.wordEmbeddings();
            base = HeldOutExperiment.toMath(we.table());
            initializer = we.initializer();
        }
        VocabAlignment alignment = aligner.apply(baseTok, newTok);
        VocabMapping aligned = Alignments.mapping(alignment);
        AppendedSpecials kept = AppendedSpecials.of(alignment);
        int cls = newIdOf(alignment, kept, SpecialRole.CLS);
        int sep = newIdOf(alignment, kept, SpecialRole.SEP);
        TransplantProblem problem = aligned.problem(base).build();
        log.accept("new vocabulary: " + aligned.sharedNew().length + " shared, " + aligned.newIds().length + " new, "
                + kept.tokens().size() + " special rows appended");

        List<String> sentences = EvalSentences.load(settings.dataDir(), settings.sentences(), settings.seed());
        List<int[]> oldIds = new ArrayList<>();
        List<int[]> newIds = new ArrayList<>();
        long oldTokens = 0;
        long newTokens = 0;
        float[][] original;
        try (SentenceEncoder enc =
                HeldOutExperiment.encoder(models, baseTok, settings).build()) {
            for (String s : sentences) {
                int[] o = enc.tokenIds(s);
                oldIds.add(o);
                oldTokens += o.length - 2;
                int[] body = newTok.encodeIds(s, false);
                newTokens += body.length;
                newIds.add(frame(body, cls, sep, settings.maxLength()));
            }
            log.accept(String.format(
                    java.util.Locale.ROOT,
                    "%d original tokens, %d new tokens (%.3f per original token)",
                    oldTokens,
                    newTokens,
                    (double) newTokens / oldTokens));
            log.accept("encoding " + sentences.size() + " sentences with the original model");
            original = Encode.ids(enc, oldIds, progress, "original model");
        }
        OldTokenSplitter splitter = OldTokenSplitter.of(baseTok, id -> id < base.rows());
        Map<String, MethodScore> scores = new LinkedHashMap<>();
        SentenceEncoder auxEncoder = null;
        try {
            for (String name : methodNames) {
                AuxiliarySpace aux = null;
                if (name.equals("tokenadapt")) {
                    auxEncoder = HeldOutExperiment.encoder(models, baseTok, settings)
                            .maxLength(16)
                            .batchSize(256)
                            .build();
                    aux = AuxiliarySpace.textEncoder(
                                    "token texts embedded by the base model", auxEncoder::encode, splitter::text)
                            .cached();
                }
                TransplantMethod method = Methods.byName(name, splitter, aux);
                log.accept("method " + name + ": estimating " + problem.newIds().length + " rows");
                TransplantResult r = kept.appendRows(
                        Transplant.run(
                                problem, method, new MethodContext(context.backend(), context.parallelism(), progress)),
                        problem);
                log.accept("method " + name + ": encoding " + sentences.size() + " sentences");
                float[][] rebuilt = HeldOutExperiment.encodeWith(
                        models, baseTok, settings, initializer, r.inputEmbeddings(), newIds, progress, name);
                Fidelity f = Fidelity.of(original, rebuilt, settings.pairs(), settings.seed());
                scores.put(
                        name,
                        new MethodScore(
                                Double.NaN,
                                f.sentenceCosine(),
                                f.spearman(),
                                r.report().outliers().size()));
                log.accept(String.format(
                        java.util.Locale.ROOT,
                        "method %s: sentence cosine %.4f, spearman %.4f",
                        name,
                        f.sentenceCosine(),
                        f.spearman()));
            }
        } finally {
            if (auxEncoder != null) {
                auxEncoder.close();
            }
        }
        return new Outcome(aligned.sharedNew().length, aligned.newIds().length, (double) newTokens / oldTokens, scores);
    }

    /** The new id that carries the base's row for {@code role}: its appended id, else the row matched to it. */
    static int newIdOf(VocabAlignment a, AppendedSpecials kept, SpecialRole role) {
        SpecialTokens.RoleToken t = a.from().specials().forRole(role);
        if (t == null) {
            throw new IllegalArgumentException(
                    "the base tokenizer has no " + role.label() + " special token to frame with");
        }
        return kept.newIdOf(t.id()).orElseGet(() -> a.targetOf(t.id()));
    }

    static int[] frame(int[] body, int cls, int sep, int maxLength) {
        int n = Math.min(body.length, maxLength - 2);
        int[] out = new int[n + 2];
        out[0] = cls;
        System.arraycopy(body, 0, out, 1, n);
        out[n + 1] = sep;
        return out;
    }
}
