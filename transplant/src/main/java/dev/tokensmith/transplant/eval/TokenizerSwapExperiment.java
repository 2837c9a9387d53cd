package dev.tokensmith.transplant.eval;

import dev.tokensmith.core.AddedToken;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.train.TrainingProgress;
import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.transplant.Transplant;
import dev.tokensmith.transplant.TransplantResult;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Experiment B: the base model with a different real tokenizer. Tokens shared on their canonical bytes copy
 * their rows; the others are estimated by the donor-free methods (OMP needs a donor that has the new
 * vocabulary, which this setting has not). The base's special tokens are appended to the new vocabulary (one
 * row each, copied) and every input is framed {@code [CLS] … [SEP]} with them, as the base expects. Fidelity
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
            BiFunction<Tokenizer, Tokenizer, VocabMapping> aligner,
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
        VocabMapping aligned = aligner.apply(baseTok, newTok);
        Framed framed = appendSpecials(baseTok, aligned);
        TransplantProblem problem = framed.mapping().problem(base).build();
        log.accept("new vocabulary: " + aligned.sharedNew().length + " shared, " + aligned.newIds().length + " new, "
                + framed.specials() + " special rows appended");

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
                newIds.add(frame(body, framed.cls(), framed.sep(), settings.maxLength()));
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
                    aux = cached(AuxiliarySpace.textEncoder(
                            "token texts embedded by the base model", auxEncoder::encode, splitter::text));
                }
                TransplantMethod method = Methods.byName(name, splitter, aux);
                log.accept("method " + name + ": estimating " + problem.newIds().length + " rows");
                progress.stage(name + " rows", 0);
                TransplantResult r = Transplant.run(problem, method, context);
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

    /** The mapping with the base's special tokens appended as new-vocabulary rows (copied), and [CLS]/[SEP]. */
    record Framed(VocabMapping mapping, int cls, int sep, int specials) {}

    static Framed appendSpecials(Tokenizer baseTok, VocabMapping m) {
        int next = m.newVocabSize();
        List<Integer> sharedOld =
                new ArrayList<>(Arrays.stream(m.sharedOld()).boxed().toList());
        List<Integer> sharedNew =
                new ArrayList<>(Arrays.stream(m.sharedNew()).boxed().toList());
        int cls = -1;
        int sep = -1;
        int count = 0;
        for (AddedToken t : baseTok.addedTokens()) {
            if (!t.special()) {
                continue;
            }
            int oldId = baseTok.tokenToId(t.content());
            sharedOld.add(oldId);
            sharedNew.add(next);
            if (t.content().equals("[CLS]")) {
                cls = next;
            } else if (t.content().equals("[SEP]")) {
                sep = next;
            }
            next++;
            count++;
        }
        if (cls < 0 || sep < 0) {
            throw new IllegalArgumentException(
                    "the base tokenizer has no [CLS] and [SEP] special tokens to frame with");
        }
        // Shared pairs whose new id points into the appended range would collide; the aligner's ids are below it.
        VocabMapping out = new VocabMapping(
                next,
                sharedOld.stream().mapToInt(Integer::intValue).toArray(),
                sharedNew.stream().mapToInt(Integer::intValue).toArray(),
                m.newIds(),
                m.newTexts());
        return new Framed(out, cls, sep, count);
    }

    static int[] frame(int[] body, int cls, int sep, int maxLength) {
        int n = Math.min(body.length, maxLength - 2);
        int[] out = new int[n + 2];
        out[0] = cls;
        System.arraycopy(body, 0, out, 1, n);
        out[n + 1] = sep;
        return out;
    }

    /** Embeds each side once, however many tables ask. */
    static AuxiliarySpace cached(AuxiliarySpace inner) {
        return new AuxiliarySpace() {
            private FloatMatrix newRows;
            private FloatMatrix oldRows;

            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public synchronized FloatMatrix embedNew(TransplantProblem p) {
                if (newRows == null) {
                    newRows = inner.embedNew(p);
                }
                return newRows;
            }

            @Override
            public synchronized FloatMatrix embedOld(TransplantProblem p) {
                if (oldRows == null) {
                    oldRows = inner.embedOld(p);
                }
                return oldRows;
            }
        };
    }
}
