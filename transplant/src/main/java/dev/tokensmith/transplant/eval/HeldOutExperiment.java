package dev.tokensmith.transplant.eval;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.train.TrainingProgress;
import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.transplant.Transplant;
import dev.tokensmith.transplant.TransplantResult;
import dev.tokensmith.transplant.method.AuxiliarySpace;
import dev.tokensmith.transplant.method.DonorTables;
import dev.tokensmith.transplant.method.MethodContext;
import dev.tokensmith.transplant.method.Methods;
import dev.tokensmith.transplant.method.OldTokenSplitter;
import dev.tokensmith.transplant.method.TransplantMethod;
import dev.tokensmith.transplant.method.TransplantProblem;
import dev.tokensmith.transplant.onnx.OnnxModel;
import dev.tokensmith.transplant.onnx.SentenceEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Experiment A: hold out a random share of the base vocabulary (seeded; special tokens and single characters
 * always stay), rebuild the held-out rows from what remains by each method (OMP and TokenAdapt read the
 * donor's table, which has the whole vocabulary), then compare the rebuilt rows with the true ones and the
 * rebuilt model's sentence embeddings with the original's. The old tokenizer of the subword methods is the
 * base tokenizer without the held-out tokens.
 *
 * <pre>{@code
 * Map<String, MethodScore> a = HeldOutExperiment.run(EvalModels.defaults(cache), settings, 0.2, context, log);
 * }</pre>
 */
public final class HeldOutExperiment {
    private HeldOutExperiment() {}

    /** What the held-out run used, for the report. */
    public record Outcome(int heldOut, int vocab, double heldOutTokenShare, Map<String, MethodScore> scores) {}

    public static Outcome run(
            EvalModels models,
            EvalSettings settings,
            double fraction,
            List<String> methodNames,
            MethodContext context,
            Consumer<String> log,
            TrainingProgress progress) {
        Tokenizer tokenizer = models.tokenizer();
        FloatMatrix base;
        String initializer;
        try (OnnxModel m = OnnxModel.open(models.baseOnnx())) {
            OnnxModel.WordEmbeddings we = m.wordEmbeddings();
            base = toMath(we.table());
            initializer = we.initializer();
        }
        FloatMatrix donor;
        try (OnnxModel m = OnnxModel.open(models.donorOnnx())) {
            donor = toMath(m.wordEmbeddings().table());
        }
        if (donor.rows() != base.rows()) {
            throw new IllegalArgumentException("the donor has " + donor.rows() + " rows, the base " + base.rows()
                    + "; the held-out experiment needs the same vocabulary");
        }
        boolean[] held = chooseHeldOut(tokenizer, base.rows(), fraction, settings.seed());
        TransplantProblem problem = problem(tokenizer, base, donor, held);
        log.accept("held out " + problem.newIds().length + " of " + base.rows() + " tokens");

        List<String> sentences = EvalSentences.load(settings.dataDir(), settings.sentences(), settings.seed());
        float[][] original;
        List<int[]> ids = new ArrayList<>();
        long total = 0;
        long heldCount = 0;
        try (SentenceEncoder enc = encoder(models, tokenizer, settings).build()) {
            for (String s : sentences) {
                int[] t = enc.tokenIds(s);
                ids.add(t);
                total += t.length;
                for (int id : t) {
                    heldCount += held[id] ? 1 : 0;
                }
            }
            log.accept("encoding " + sentences.size() + " sentences with the original model");
            original = Encode.ids(enc, ids, progress, "original model");
        }
        OldTokenSplitter splitter = OldTokenSplitter.of(tokenizer, id -> !held[id]);
        AuxiliarySpace aux = AuxiliarySpace.table("donor input embeddings", donor, i -> i, i -> i);
        Map<String, MethodScore> scores = new LinkedHashMap<>();
        for (String name : methodNames) {
            TransplantMethod method = Methods.byName(name, splitter, aux);
            log.accept("method " + name + ": rebuilding " + problem.newIds().length + " rows");
            TransplantResult r = Transplant.run(
                    problem, method, new MethodContext(context.backend(), context.parallelism(), progress));
            double rowCos = rowCosine(r.inputEmbeddings(), base, problem.newIds());
            log.accept("method " + name + ": encoding " + sentences.size() + " sentences");
            float[][] rebuilt =
                    encodeWith(models, tokenizer, settings, initializer, r.inputEmbeddings(), ids, progress, name);
            Fidelity f = Fidelity.of(original, rebuilt, settings.pairs(), settings.seed());
            scores.put(
                    name,
                    new MethodScore(
                            rowCos,
                            f.sentenceCosine(),
                            f.spearman(),
                            r.report().outliers().size()));
            log.accept(String.format(
                    java.util.Locale.ROOT,
                    "method %s: row cosine %.4f, sentence cosine %.4f, spearman %.4f",
                    name,
                    rowCos,
                    f.sentenceCosine(),
                    f.spearman()));
        }
        return new Outcome(problem.newIds().length, base.rows(), (double) heldCount / total, scores);
    }

    /** The sentence embeddings of {@code ids} by the base model with its token table replaced by {@code table}. */
    static float[][] encodeWith(
            EvalModels models,
            Tokenizer tokenizer,
            EvalSettings settings,
            String initializer,
            FloatMatrix table,
            List<int[]> ids,
            TrainingProgress progress,
            String stage) {
        try (SentenceEncoder enc = encoder(models, tokenizer, settings)
                .overrideInitializer(initializer, toIo(table))
                .build()) {
            return Encode.ids(enc, ids, progress, stage);
        }
    }

    static SentenceEncoder.Builder encoder(EvalModels models, Tokenizer tokenizer, EvalSettings settings) {
        return SentenceEncoder.builder(models.baseOnnx())
                .tokenizer(tokenizer)
                .maxLength(settings.maxLength())
                .batchSize(32)
                .threads(settings.threads());
    }

    /**
     * A seeded random {@code fraction} of the whole vocabulary, drawn from the tokens that are neither special
     * (added tokens, {@code [...]}) nor a single character (with or without the {@code ##} prefix).
     */
    static boolean[] chooseHeldOut(Tokenizer tokenizer, int rows, double fraction, long seed) {
        List<Integer> candidates = new ArrayList<>();
        for (int id = 0; id < rows; id++) {
            String t = tokenizer.idToToken(id);
            if (t == null || tokenizer.isSpecialToken(t) || t.startsWith("[") && t.endsWith("]")) {
                continue;
            }
            String body = t.startsWith("##") ? t.substring(2) : t;
            if (body.codePointCount(0, body.length()) <= 1) {
                continue;
            }
            candidates.add(id);
        }
        java.util.Collections.shuffle(candidates, new Random(seed));
        int n = (int) Math.min(candidates.size(), Math.round(fraction * rows));
        boolean[] held = new boolean[rows];
        for (int i = 0; i < n; i++) {
            held[candidates.get(i)] = true;
        }
        return held;
    }

    static TransplantProblem problem(Tokenizer tokenizer, FloatMatrix base, FloatMatrix donor, boolean[] held) {
        int rows = base.rows();
        int[] old =
                java.util.stream.IntStream.range(0, rows).filter(i -> !held[i]).toArray();
        int[] newIds =
                java.util.stream.IntStream.range(0, rows).filter(i -> held[i]).toArray();
        String[] texts = Arrays.stream(newIds)
                .mapToObj(id -> wordPieceSurface(tokenizer.idToToken(id)))
                .toArray(String[]::new);
        return TransplantProblem.builder(base, rows)
                .oldIds(old)
                .shared(old, old)
                .newTokens(newIds, texts)
                .donor(DonorTables.of(donor))
                .build();
    }

    /**
     * The surface text of a WordPiece token: {@code "##ing"} continues a word ("ing"); any other token starts
     * one (" the"), except punctuation and ideographs, which BERT's pre-tokenizer splits off wherever they stand.
     */
    static String wordPieceSurface(String token) {
        if (token.startsWith("##") && token.length() > 2) {
            return token.substring(2);
        }
        int cp = token.codePointAt(0);
        boolean isolated =
                !Character.isLetterOrDigit(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
        return isolated ? token : " " + token;
    }

    static double rowCosine(FloatMatrix rebuilt, FloatMatrix truth, int[] ids) {
        double sum = 0;
        for (int id : ids) {
            sum += Fidelity.cosine(rebuilt.row(id), truth.row(id));
        }
        return ids.length == 0 ? Double.NaN : sum / ids.length;
    }

    static FloatMatrix toMath(dev.tokensmith.transplant.io.FloatMatrix m) {
        return FloatMatrix.of(m.rows(), m.cols(), m.data());
    }

    static dev.tokensmith.transplant.io.FloatMatrix toIo(FloatMatrix m) {
        return new dev.tokensmith.transplant.io.FloatMatrix(m.rows(), m.cols(), m.toArray());
    }
}
