package dev.tokensmith.transplant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.TokenizerFormatException;
import dev.tokensmith.core.format.AtomicFiles;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.Provenance;
import dev.tokensmith.core.format.TokenizerJson;
import dev.tokensmith.core.train.TrainingProgress;
import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.transplant.align.VocabAlignment;
import dev.tokensmith.transplant.io.HfModelWriter;
import dev.tokensmith.transplant.io.ModelFormatException;
import dev.tokensmith.transplant.method.AuxiliarySpace;
import dev.tokensmith.transplant.method.DonorTables;
import dev.tokensmith.transplant.method.MethodContext;
import dev.tokensmith.transplant.method.Methods;
import dev.tokensmith.transplant.method.OldTokenSplitter;
import dev.tokensmith.transplant.method.TransplantMethod;
import dev.tokensmith.transplant.method.TransplantProblem;
import dev.tokensmith.transplant.method.VocabMapping;
import dev.tokensmith.transplant.onnx.OnnxFormatException;
import dev.tokensmith.transplant.onnx.OnnxRewriter;
import dev.tokensmith.transplant.onnx.SentenceEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code transplant} service: a base model (Hugging Face folder or ONNX encoder) and a new tokenizer in,
 * a model folder out, holding the model with its new vocabulary tables (safetensors via {@link HfModelWriter},
 * or {@code model.onnx} via {@link OnnxRewriter}), the new tokenizer.json, provenance and the quality report
 * ({@value #REPORT_JSON}, {@value #REPORT_TEXT}). Everything is checked before anything is written, and the
 * folder is built beside the target and moved into place, so a failure writes nothing. The base's special tokens
 * that the new tokenizer lacks are appended to it with their base rows ({@link AppendedSpecials}) unless the
 * request opts out.
 *
 * <pre>{@code
 * ModelTransplant.Outcome o = ModelTransplant.run(
 *         ModelTransplant.Request.of(base, newTokenizer, "fvt", out), backend, 8, System.err::println, progress);
 * }</pre>
 */
public final class ModelTransplant {
    public static final String REPORT_JSON = "transplant-report.json";
    public static final String REPORT_TEXT = "transplant-report.txt";
    /** The {@code produced_by} of the model folder's provenance. */
    public static final String PRODUCED_BY = "tokensmith transplant";

    private ModelTransplant() {}

    /**
     * What to transplant.
     *
     * @param base the base model: a Hugging Face folder or a .onnx file
     * @param baseTokenizer its tokenizer.json (default: the one in its folder / beside it)
     * @param newTokenizer the new tokenizer.json
     * @param donor a model that has the new vocabulary (OMP needs it)
     * @param method a name of {@link Methods#NAMES}
     * @param k OMP's atoms (default 64) or TokenAdapt's neighbours (default 3)
     * @param auxModel TokenAdapt's auxiliary sentence encoder (.onnx; default: the base when it is one)
     * @param auxTokenizer its tokenizer.json (default: found beside it)
     * @param keepSpecials append the base's special tokens the new tokenizer lacks ({@link AppendedSpecials})
     * @param out the folder to write (must not exist)
     */
    public record Request(
            Path base,
            Optional<Path> baseTokenizer,
            Path newTokenizer,
            Optional<Path> donor,
            String method,
            Optional<Integer> k,
            Optional<Path> auxModel,
            Optional<Path> auxTokenizer,
            boolean keepSpecials,
            Path out) {
        /** The defaults: no donor, default {@code k}, special tokens kept. */
        public static Request of(Path base, Path newTokenizer, String method, Path out) {
            return new Request(
                    base,
                    Optional.empty(),
                    newTokenizer,
                    Optional.empty(),
                    method,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    out);
        }

        public Request withKeepSpecials(boolean keep) {
            return new Request(base, baseTokenizer, newTokenizer, donor, method, k, auxModel, auxTokenizer, keep, out);
        }
    }

    /**
     * What was written.
     *
     * @param out the model folder
     * @param result the new tables (appended special rows included) and the quality report
     * @param sharedTokens tokens that copied their rows
     * @param newTokens tokens the method estimated
     * @param appended the base's special tokens appended to the new tokenizer
     */
    public record Outcome(
            Path out, TransplantResult result, int sharedTokens, int newTokens, AppendedSpecials appended) {}

    /** Runs the transplant without reporting progress. */
    public static Outcome run(Request req, MathBackend backend, int threads, Consumer<String> notes) {
        return run(req, backend, threads, notes, TrainingProgress.NONE);
    }

    /**
     * Runs the transplant, the tokenizers aligned on canonical bytes ({@link VocabAlignment}). Long work reports to
     * {@code progress}: the alignment, each table's new rows (per token; TokenAdapt also its auxiliary embeddings),
     * and the writing of the tensors. Bad inputs throw {@link TransplantInputException} (or the model and tokenizer
     * readers' format exceptions) before anything is written.
     */
    public static Outcome run(
            Request req, MathBackend backend, int threads, Consumer<String> notes, TrainingProgress progress) {
        if (!Methods.NAMES.contains(req.method())) {
            throw new TransplantInputException(
                    "unknown method '" + req.method() + "'; known: " + String.join(", ", Methods.NAMES));
        }
        if (req.method().equals("omp") && req.donor().isEmpty()) {
            throw new TransplantInputException("--method omp needs --donor (a model that has the new vocabulary)");
        }
        if (Files.exists(req.out())) {
            throw new TransplantInputException(req.out() + " already exists; give a new folder for --out");
        }
        try (ModelFiles base = ModelFiles.open(req.base())) {
            Path baseTokPath = req.baseTokenizer()
                    .or(base::defaultTokenizer)
                    .orElseThrow(() -> new TransplantInputException(
                            base.path() + ": no tokenizer.json in or beside it; give --base-tokenizer"));
            Tokenizer oldTok = TokenizerJson.read(baseTokPath);
            Tokenizer newTok = TokenizerJson.read(req.newTokenizer());
            var emb = base.inputEmbeddings();
            var head = base.outputHead();
            if (oldTok.vocabSize(true) > emb.rows()) {
                throw new TransplantInputException(baseTokPath + " has " + oldTok.vocabSize(true)
                        + " tokens but the model's embeddings have only " + emb.rows() + " rows");
            }
            progress.stage("aligning vocabularies", 1);
            VocabAlignment alignment = VocabAlignment.between(oldTok, newTok);
            VocabMapping mapping = Alignments.mapping(alignment);
            AppendedSpecials kept = req.keepSpecials() ? AppendedSpecials.of(alignment) : AppendedSpecials.none();
            progress.advance(1);
            notes.accept(mapping.sharedNew().length + " shared tokens copy their rows; " + mapping.newIds().length
                    + " new tokens by " + req.method());
            if (!kept.isEmpty()) {
                notes.accept(kept.toText());
            }
            Optional<DonorTables> donor = req.donor().map(d -> donorTables(d, mapping.newVocabSize()));
            OldTokenSplitter splitter = OldTokenSplitter.of(oldTok, id -> id < emb.rows());
            TransplantProblem.Builder pb = mapping.problem(toMath(emb));
            head.ifPresent(h -> pb.head(toMath(h)));
            donor.ifPresent(pb::donor);
            TransplantProblem problem = pb.build();
            SentenceEncoder auxEncoder = null;
            try {
                AuxiliarySpace aux = null;
                if (req.method().equals("tokenadapt")) {
                    auxEncoder = auxEncoder(req, base);
                    aux = AuxiliarySpace.textEncoder(
                                    "token texts embedded by "
                                            + req.auxModel().orElse(base.path()).getFileName(),
                                    auxEncoder::encode,
                                    splitter::text)
                            .cached();
                }
                TransplantMethod method = method(req, splitter, aux);
                TransplantResult result;
                try (Parallelism p = Parallelism.threads(Math.max(1, threads))) {
                    result = Transplant.run(problem, method, new MethodContext(backend, p, progress));
                }
                result = kept.appendRows(result, problem);
                Map<String, Object> config = new LinkedHashMap<>();
                config.put("method", method.name());
                config.put("settings", new LinkedHashMap<>(method.settings()));
                config.put("backend", backend.description());
                config.put("sharedTokens", mapping.sharedNew().length);
                config.put("newTokens", mapping.newIds().length);
                config.put("keepSpecials", req.keepSpecials());
                config.put(
                        "appendedSpecialTokens",
                        kept.tokens().stream()
                                .map(AppendedSpecials.Token::content)
                                .toList());
                List<Provenance.Input> inputs = new ArrayList<>(Provenance.Input.ofTree("base", base.path()));
                inputs.add(Provenance.Input.of("baseTokenizer", baseTokPath));
                inputs.add(Provenance.Input.of("newTokenizer", req.newTokenizer()));
                req.donor().ifPresent(d -> inputs.addAll(Provenance.Input.ofTree("donor", d)));
                Provenance prov = Provenance.of(PRODUCED_BY, config, inputs);
                write(base, result, mapping, kept, req, prov, progress);
                return new Outcome(req.out(), result, mapping.sharedNew().length, mapping.newIds().length, kept);
            } finally {
                if (auxEncoder != null) {
                    auxEncoder.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + req.out() + ": " + e.getMessage(), e);
        }
    }

    private static TransplantMethod method(Request req, OldTokenSplitter splitter, AuxiliarySpace aux) {
        return switch (req.method()) {
            case "omp" -> Methods.omp(req.k().orElse(Methods.OMP_K));
            case "tokenadapt" ->
                Methods.tokenAdapt(
                        req.k().orElse(Methods.TOKENADAPT_K),
                        Methods.TOKENADAPT_TEMPERATURE,
                        Methods.TOKENADAPT_WEIGHT,
                        splitter,
                        aux);
            default -> Methods.byName(req.method(), splitter, aux);
        };
    }

    private static SentenceEncoder auxEncoder(Request req, ModelFiles base) {
        Path model = req.auxModel().orElseGet(() -> {
            if (base instanceof ModelFiles.Onnx) {
                return base.path();
            }
            throw new TransplantInputException(
                    "--method tokenadapt needs --aux-model (a sentence encoder .onnx) for a Hugging Face base");
        });
        Path tok = req.auxTokenizer()
                .or(() -> req.auxModel().isEmpty() ? req.baseTokenizer() : Optional.empty())
                .or(() -> new ModelFiles.Onnx(model, null).defaultTokenizer())
                .orElseThrow(() ->
                        new TransplantInputException(model + ": no tokenizer.json beside it; give --aux-tokenizer"));
        return SentenceEncoder.builder(model)
                .tokenizer(TokenizerJson.read(tok))
                .maxLength(32)
                .build();
    }

    private static DonorTables donorTables(Path path, int newVocabSize) {
        try (ModelFiles d = ModelFiles.open(path)) {
            var in = d.inputEmbeddings();
            if (in.rows() < newVocabSize) {
                throw new TransplantInputException(path + ": the donor has " + in.rows()
                        + " embedding rows but the new tokenizer " + newVocabSize
                        + " tokens; the donor must be a model with the new vocabulary");
            }
            return new DonorTables(toMath(in), d.outputHead().map(ModelTransplant::toMath));
        }
    }

    private static void write(
            ModelFiles base,
            TransplantResult result,
            VocabMapping mapping,
            AppendedSpecials kept,
            Request req,
            Provenance prov,
            TrainingProgress progress)
            throws IOException {
        byte[] tokenizerJson = kept.tokenizerJson(req.newTokenizer());
        AtomicFiles.writeDirectory(req.out(), model -> {
            if (base instanceof ModelFiles.Hf hf) {
                Map<String, float[]> biases = new LinkedHashMap<>();
                for (String b : hf.model().vocabBiasNames()) {
                    biases.put(b, remapBias(hf.model().checkpoint().readFloats(b), mapping, kept));
                }
                HfModelWriter.write(
                        hf.model(),
                        new HfModelWriter.Replacement(
                                toIo(result.inputEmbeddings()),
                                result.outputHead().map(ModelTransplant::toIo),
                                biases),
                        tokenizerJson,
                        model,
                        HfModelWriter.Options.defaults(),
                        prov,
                        progress);
            } else {
                ModelFiles.Onnx onnx = (ModelFiles.Onnx) base;
                progress.stage("writing model.onnx", 1);
                OnnxRewriter.replaceWordEmbeddings(
                        onnx.model(), toIo(result.inputEmbeddings()), model.resolve("model.onnx"));
                Files.write(model.resolve("tokenizer.json"), tokenizerJson);
                prov.writeInto(model);
                progress.advance(1);
            }
            ObjectNode report = result.report().toJson();
            report.set("appendedSpecialTokens", kept.toJson());
            Files.writeString(
                    model.resolve(REPORT_JSON),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(
                    model.resolve(REPORT_TEXT),
                    result.report().toText(50) + kept.toText() + "\n",
                    StandardCharsets.UTF_8);
        });
    }

    /** Shared tokens keep their bias, appended special tokens their base's; new ones get the mean of the base's. */
    private static float[] remapBias(float[] old, VocabMapping m, AppendedSpecials kept) {
        double mean = 0;
        for (float v : old) {
            mean += v / (double) old.length;
        }
        float[] out = new float[m.newVocabSize() + kept.tokens().size()];
        java.util.Arrays.fill(out, (float) mean);
        for (int i = 0; i < m.sharedNew().length; i++) {
            out[m.sharedNew()[i]] = old[m.sharedOld()[i]];
        }
        for (AppendedSpecials.Token t : kept.tokens()) {
            out[t.newId()] = old[t.baseId()];
        }
        return out;
    }

    /** Whether {@code e} is an input problem (exit code 2 on the command line). */
    public static boolean isBadInput(Throwable e) {
        return e instanceof TransplantInputException
                || e instanceof ModelFormatException
                || e instanceof OnnxFormatException
                || e instanceof TokenizerFormatException;
    }

    static dev.tokensmith.math.FloatMatrix toMath(dev.tokensmith.transplant.io.FloatMatrix m) {
        return dev.tokensmith.math.FloatMatrix.of(m.rows(), m.cols(), m.data());
    }

    static dev.tokensmith.transplant.io.FloatMatrix toIo(dev.tokensmith.math.FloatMatrix m) {
        return new dev.tokensmith.transplant.io.FloatMatrix(m.rows(), m.cols(), m.toArray());
    }
}
