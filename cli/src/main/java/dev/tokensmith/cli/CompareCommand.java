package dev.tokensmith.cli;

import dev.tokensmith.cli.compare.ComparedTokenizer;
import dev.tokensmith.cli.compare.ComparisonResult;
import dev.tokensmith.cli.compare.DifferentialComparison;
import dev.tokensmith.cli.compare.Mismatch;
import dev.tokensmith.cli.compare.ReferenceUnavailableException;
import dev.tokensmith.cli.compare.TokensmithSide;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith compare}: Tokensmith against HF tokenizers on the same inputs. */
@Command(
        name = "compare",
        description = {
            "Check Tokensmith against HF tokenizers on the same inputs.",
            "",
            "Encodes with both Tokensmith and HF tokenizers (the Rust library, through DJL) from a tokenizer.json,",
            "and compares ids, tokens, offsets and decoded text, with and without special tokens. Truncation and",
            "padding are off on both sides. Prints the first mismatching input and token position; exit code 1 on",
            "any mismatch, or when DJL (ai.djl.huggingface:tokenizers) is not on the class path."
        })
final class CompareCommand implements Callable<Integer> {
    private static final int SHOWN_INPUT = 120;

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

    @Override
    public Integer call() throws IOException {
        String text = input.readText(root.environment().stdin());
        List<String> inputs = lines ? Lines.split(text) : List.of(text);
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new BadInputException(tokenizerFile + ": no such tokenizer.json file");
        }
        ComparisonResult result;
        try (ComparedTokenizer reference = openReference()) {
            Tokenizer ours = Tokenizers.fromFile(tokenizerFile).withoutTruncationOrPadding();
            root.note("comparing " + inputs.size() + " input(s) with " + reference.name());
            result = DifferentialComparison.run(inputs, new TokensmithSide(ours), reference);
        } catch (ReferenceUnavailableException e) {
            root.err().println("tokensmith: " + e.getMessage());
            return FailureHandler.FAILURE;
        }
        PrintWriter out = root.out();
        out.print(report(result, inputs, lines));
        out.flush();
        return result.matches() ? 0 : FailureHandler.FAILURE;
    }

    private ComparedTokenizer openReference() throws IOException {
        try {
            return root.environment().references().open(tokenizerFile);
        } catch (IOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    static String report(ComparisonResult r, List<String> inputs, boolean lines) {
        StringBuilder sb = new StringBuilder();
        if (r.matches()) {
            sb.append("match: ")
                    .append(r.inputs())
                    .append(r.inputs() == 1 ? " input, " : " inputs, ")
                    .append(r.tokens())
                    .append(" tokens; ids, tokens, offsets and decoded text agree")
                    .append(" (with and without special tokens)\n");
            return sb.toString();
        }
        Mismatch m = r.first();
        String where = lines ? "line " + (m.input() + 1) : "the input";
        sb.append("MISMATCH in ").append(where).append(" (add_special_tokens=").append(m.addSpecialTokens());
        sb.append("): ").append(m.aspect()).append(" differ");
        if (m.position() >= 0) {
            sb.append(m.aspect().startsWith("decode") ? " at character " : " at token ")
                    .append(m.position());
        }
        sb.append('\n');
        sb.append("  input:      ")
                .append(DifferentialComparison.abbreviate(inputs.get(m.input()), SHOWN_INPUT))
                .append('\n');
        sb.append("  tokensmith: ").append(m.ours()).append('\n');
        sb.append("  reference:  ").append(m.reference()).append('\n');
        sb.append(r.mismatchingInputs()).append(" of ").append(r.inputs());
        sb.append(r.inputs() == 1 ? " input differs\n" : " inputs differ\n");
        return sb.toString();
    }
}
