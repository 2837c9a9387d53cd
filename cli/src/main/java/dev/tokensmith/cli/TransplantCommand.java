package dev.tokensmith.cli;

import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.MathBackends;
import dev.tokensmith.transplant.ModelTransplant;
import dev.tokensmith.transplant.report.QualityReport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tokensmith transplant}: give a model a new tokenizer; {@code transplant eval} measures the methods. */
@Command(
        name = "transplant",
        description =
                "Give a model a new tokenizer without training: shared tokens keep their rows, new tokens get rows estimated by a method (omp needs --donor, a model that has the new vocabulary). The base's special tokens the new tokenizer lacks are appended to it with their rows (--no-keep-specials: not). Writes the model (Hugging Face folder or model.onnx), the new tokenizer.json, provenance and the quality report (transplant-report.json/.txt) into --out, whole or not at all.",
        subcommands = {TransplantEvalCommand.class})
final class TransplantCommand implements Callable<Integer> {
    @ParentCommand
    TokensmithCommand root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--base",
            paramLabel = "DIR|FILE",
            description = "The model: a Hugging Face folder or a .onnx file.")
    Path base;

    @Option(
            names = "--base-tokenizer",
            paramLabel = "FILE",
            description = "The model's tokenizer.json (default: in its folder, or beside the .onnx file).")
    Path baseTokenizer;

    @Option(names = "--new-tokenizer", paramLabel = "FILE", description = "The new tokenizer.json.")
    Path newTokenizer;

    @Option(
            names = "--donor",
            paramLabel = "DIR|FILE",
            description = "A model that has the new vocabulary (OMP's dictionary space).")
    Path donor;

    @Option(
            names = "--method",
            paramLabel = "NAME",
            description =
                    "omp, tokenadapt, fvt, first-subword, last-subword, mean or zero (default: ${DEFAULT-VALUE}).",
            defaultValue = "fvt")
    String method;

    @Option(
            names = "--k",
            paramLabel = "N",
            description = "OMP atoms (default 64) or TokenAdapt neighbours (default 3).")
    Integer k;

    @Option(
            names = "--aux-model",
            paramLabel = "FILE",
            description = "TokenAdapt's auxiliary sentence encoder (.onnx; default: the base when it is one).")
    Path auxModel;

    @Option(names = "--aux-tokenizer", paramLabel = "FILE", description = "The auxiliary encoder's tokenizer.json.")
    Path auxTokenizer;

    @Option(names = "--backend", paramLabel = "NAME", description = "The math backend (default: the best available).")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the math (default: all cores).")
    Integer threads;

    @Option(
            names = "--no-keep-specials",
            description = "Do not append the base's special tokens the new tokenizer lacks (by default they are"
                    + " added to the new tokenizer.json at the next ids, with the base's rows).")
    boolean noKeepSpecials;

    @Option(names = "--out", paramLabel = "DIR", description = "The folder to write (must not exist).")
    Path out;

    @Override
    public Integer call() {
        if (base == null || newTokenizer == null || out == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--base, --new-tokenizer and --out are required (or: transplant eval)");
        }
        MathBackend math = selectBackend(spec, backend);
        ModelTransplant.Request req = new ModelTransplant.Request(
                base,
                Optional.ofNullable(baseTokenizer),
                newTokenizer,
                Optional.ofNullable(donor),
                method,
                Optional.ofNullable(k),
                Optional.ofNullable(auxModel),
                Optional.ofNullable(auxTokenizer),
                !noKeepSpecials,
                out);
        ModelTransplant.Outcome o;
        try (Progress progress = Progress.forTerminal(root.quiet)) {
            // A note finishes the bar it follows, so the two do not share a line on the terminal.
            Consumer<String> notes = message -> {
                progress.close();
                root.note(message);
            };
            o = ModelTransplant.run(req, math, Threads.resolve(threads), notes, progress);
        } catch (RuntimeException e) {
            throw ModelTransplant.isBadInput(e) ? new BadInputException(FailureHandler.message(e), e) : e;
        }
        QualityReport r = o.result().report();
        root.out().print(r.toText(20));
        root.out().println(o.appended().toText());
        root.out().flush();
        root.note("wrote " + o.out() + " (" + o.sharedTokens() + " shared, " + o.newTokens() + " new tokens, "
                + o.appended().tokens().size() + " special tokens appended, "
                + r.outliers().size() + " outliers)");
        return 0;
    }

    static MathBackend selectBackend(CommandSpec spec, String name) {
        try {
            return MathBackends.select(name);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
