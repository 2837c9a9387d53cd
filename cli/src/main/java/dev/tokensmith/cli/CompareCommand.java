package dev.tokensmith.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.cli.compare.ReferenceUnavailableException;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.diff.DifferentialCheck;
import dev.tokensmith.core.diff.DifferentialResult;
import dev.tokensmith.core.diff.LabeledText;
import dev.tokensmith.core.diff.ReferenceTokenizer;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith compare}: Tokensmith against HF tokenizers on the same inputs, by {@link DifferentialCheck}. */
@Command(
        name = "compare",
        description = {
            "Check Tokensmith against HF tokenizers on the same inputs.",
            "",
            "Encodes with both Tokensmith and HF tokenizers (the Rust library, through DJL) from a tokenizer.json,",
            "and compares ids, offsets and decoded text in two checks: without special tokens, then with them",
            "(decoding with skip_special_tokens). Truncation and padding are off on both sides. Prints a report",
            "per check: counts, and the first mismatching input and token in detail. Inputs HF itself cannot",
            "encode are counted as not comparable, not as mismatches. Exit code 1 on any mismatch, or when DJL",
            "(ai.djl.huggingface:tokenizers) is not on the class path."
        })
final class CompareCommand implements Callable<Integer> {
    /** The checks run, in order: HF's encode defaults for a single text, then with special tokens added. */
    static final List<DifferentialCheck.Options> CHECKS = List.of(
            DifferentialCheck.Options.defaults(),
            DifferentialCheck.Options.defaults().withAddSpecialTokens(true).withSkipSpecialTokensInDecode(true));

    @ParentCommand
    TokensmithCommand root;

    @Option(
            names = {"-t", "--tokenizer"},
            required = true,
            paramLabel = "FILE",
            description = "A HF tokenizer.json (the reference reads only that format).")
    Path tokenizerFile;

    @Mixin
    InputOption input;

    @Option(names = "--lines", description = "Compare each line ('\\n'-separated, '\\r' kept) as its own input.")
    boolean lines;

    @Option(
            names = "--json",
            description = "Print the results as one JSON object instead of the report: passed (true when every"
                    + " check matched) and checks (each check's full result, first mismatch included).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<LabeledText> inputs = inputs(input.readText(root.environment().stdin()));
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new BadInputException(tokenizerFile + ": no such tokenizer.json file");
        }
        ReferenceTokenizer reference;
        try {
            reference = root.environment().references().open(tokenizerFile);
        } catch (ReferenceUnavailableException e) {
            root.err().println("tokensmith: " + e.getMessage());
            return FailureHandler.FAILURE;
        } catch (IOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        List<DifferentialResult> results = new ArrayList<>();
        try {
            Tokenizer ours = Tokenizers.fromFile(tokenizerFile).withoutTruncationOrPadding();
            root.note("comparing " + inputs.size() + " input(s) with " + reference.name());
            for (DifferentialCheck.Options options : CHECKS) {
                results.add(new DifferentialCheck(options).run(ours, reference, inputs));
            }
        } finally {
            close(reference);
        }
        PrintWriter out = root.out();
        out.print(json ? json(results) : report(results));
        out.flush();
        return results.stream().allMatch(DifferentialResult::passed) ? 0 : FailureHandler.FAILURE;
    }

    /** The inputs, labeled with where they come from (the input's name, and the line number with --lines). */
    private List<LabeledText> inputs(String text) {
        String source = input.sourceName();
        if (!lines) {
            return List.of(new LabeledText(source, text));
        }
        List<String> all = Lines.split(text);
        List<LabeledText> labeled = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            labeled.add(new LabeledText(source + ":" + (i + 1), all.get(i)));
        }
        return labeled;
    }

    /** Each check's report, separated by blank lines. */
    static String report(List<DifferentialResult> results) {
        StringBuilder sb = new StringBuilder();
        for (DifferentialResult r : results) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(r.report());
        }
        return sb.toString();
    }

    static String json(List<DifferentialResult> results) {
        ObjectNode node = Json.object();
        node.put("passed", results.stream().allMatch(DifferentialResult::passed));
        node.set("checks", Json.MAPPER.valueToTree(results));
        try {
            return Json.MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(ReferenceTokenizer reference) {
        if (reference instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + reference.name() + " failed: " + e.getMessage(), e);
            }
        }
    }
}
