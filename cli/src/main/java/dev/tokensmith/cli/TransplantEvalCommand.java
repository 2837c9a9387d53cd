package dev.tokensmith.cli;

import dev.tokensmith.core.format.Json;
import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.transplant.eval.EvalModels;
import dev.tokensmith.transplant.eval.EvalReport;
import dev.tokensmith.transplant.eval.EvalSettings;
import dev.tokensmith.transplant.eval.TokenizerSwapExperiment;
import dev.tokensmith.transplant.eval.TransplantEval;
import dev.tokensmith.transplant.method.MethodContext;
import dev.tokensmith.transplant.method.Methods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tokensmith transplant eval}: experiments A (held-out tokens) and B (tokenizer swap) with real models. */
@Command(
        name = "eval",
        description =
                "Measure the transplant methods on real models (default: all-MiniLM-L6-v2, donor e5-small-v2). A: hold out a share of the vocabulary, rebuild it by each method, compare rows and sentence embeddings with the original. B: give the model other tokenizers (default: r50k_base and a byte-level BPE trained here) and compare its sentence embeddings with the original's.")
final class TransplantEvalCommand implements Callable<Integer> {
    @ParentCommand
    TransplantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--json",
            description = "One JSON object: {\"A\": {method: {...}}, \"B\": {tokenizer: {method: {...}}}}.")
    boolean json;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The shared data folder holding corpora/ (default: -Dtokensmith.data, else ../shared/data).")
    Path data;

    @Option(names = "--base-onnx", paramLabel = "FILE", description = "The base encoder (default: all-MiniLM-L6-v2).")
    Path baseOnnx;

    @Option(names = "--base-tokenizer", paramLabel = "FILE", description = "Its tokenizer.json.")
    Path baseTokenizer;

    @Option(names = "--donor-onnx", paramLabel = "FILE", description = "The donor (default: e5-small-v2, quantized).")
    Path donorOnnx;

    @Option(
            names = "--sentences",
            paramLabel = "N",
            defaultValue = "1200",
            description = "Sentences (default: ${DEFAULT-VALUE}).")
    int sentences;

    @Option(
            names = "--pairs",
            paramLabel = "N",
            defaultValue = "20000",
            description = "Sentence pairs for Spearman (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--held-out",
            paramLabel = "FRACTION",
            defaultValue = "0.2",
            description = "Experiment A's held-out share of the vocabulary; 0 skips A (default: ${DEFAULT-VALUE}).")
    double heldOut;

    @Option(
            names = "--methods",
            paramLabel = "NAME",
            split = ",",
            description = "Methods to run (default: all that apply).")
    List<String> methods;

    @Option(
            names = "--tokenizer",
            paramLabel = "NAME|FILE",
            split = ",",
            description = "Experiment B's tokenizers; 'trained' is a 30k byte-level BPE trained on the corpora;"
                    + " 'none' skips B (default: r50k_base,trained).")
    List<String> tokenizers;

    @Option(names = "--backend", paramLabel = "NAME", description = "The math backend (default: the best available).")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() {
        TokensmithCommand root = parent.root;
        if (sentences < 2 || pairs < 1 || !(heldOut >= 0 && heldOut < 1)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--sentences must be >= 2, --pairs >= 1 and --held-out in [0, 1)");
        }
        List<String> chosen = methods == null ? Methods.NAMES : methods;
        for (String m : chosen) {
            if (!Methods.NAMES.contains(m)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "unknown method '" + m + "'; known: " + String.join(", ", Methods.NAMES));
            }
        }
        List<String> toks = tokenizers == null ? List.of("r50k_base", TransplantEval.TRAINED) : tokenizers;
        if (toks.equals(List.of("none"))) {
            toks = List.of();
        }
        Path dataDir = data != null ? data : Path.of(System.getProperty("tokensmith.data", "../shared/data"));
        if (!Files.isDirectory(dataDir.resolve("corpora"))) {
            throw new BadInputException(dataDir + " holds no corpora/ folder; give --data (the shared data folder)");
        }
        Path cache = Path.of(System.getProperty("tokensmith.cache", ".cache")).resolve("transplant");
        EvalModels defaults =
                baseOnnx == null || donorOnnx == null || baseTokenizer == null ? EvalModels.defaults(cache) : null;
        EvalModels models = new EvalModels(
                baseOnnx != null ? baseOnnx : defaults.baseOnnx(),
                baseTokenizer != null ? baseTokenizer : defaults.baseTokenizer(),
                donorOnnx != null ? donorOnnx : defaults.donorOnnx());
        int n = Threads.resolve(threads);
        EvalSettings settings = new EvalSettings(dataDir, sentences, pairs, seed, 128, n);
        List<String> methodsB = chosen.stream()
                .filter(TokenizerSwapExperiment.METHODS::contains)
                .toList();
        MathBackend math = TransplantCommand.selectBackend(spec, backend);
        EvalReport report;
        try (Parallelism p = Parallelism.threads(n);
                Progress progress = Progress.forTerminal(root.quiet)) {
            report = TransplantEval.run(
                    new TransplantEval.Request(models, settings, heldOut, chosen, toks, methodsB, cache),
                    new MethodContext(math, p),
                    root::note,
                    progress);
        }
        if (json) {
            root.out().println(Json.MAPPER.valueToTree(report.toJson()).toString());
        } else {
            root.out().print(report.toText());
        }
        root.out().flush();
        return 0;
    }
}
