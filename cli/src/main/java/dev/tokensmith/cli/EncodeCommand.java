package dev.tokensmith.cli;

import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.Tokenizer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith encode}: text to token ids, tokens, offsets or a count. */
@Command(
        name = "encode",
        description = {
            "Encode text to token ids.",
            "",
            "Reads UTF-8 text from a file or standard input; invalid UTF-8 is an error (exit code 2).",
            "",
            "Truncation and padding that the tokenizer file declares are NOT applied: the whole text is encoded.",
            "Special tokens are added only with --add-special-tokens.",
            "Offsets (--format json) are code-point indices into the input, as HF's Python API reports them."
        })
final class EncodeCommand implements Callable<Integer> {
    @ParentCommand
    TokensmithCommand root;

    @Mixin
    TokenizerOption tokenizer;

    @Mixin
    InputOption input;

    @Option(
            names = "--lines",
            description = "Encode each line alone and print one JSON line per input line (ids: a JSON array)."
                    + " Lines end at '\\n' only: a '\\r' stays part of its line; nothing follows a final '\\n'.")
    boolean lines;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "ids",
            description = "ids (space-separated), tokens (JSON array), json (ids, tokens, offsets) or count (the"
                    + " total number of tokens). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--add-special-tokens", description = "Let the post-processor add special tokens (BOS, CLS...).")
    boolean addSpecialTokens;

    @Option(
            names = "--stream",
            description = "Encode the input as it is read, printing ids as they come: memory stays bounded on"
                    + " inputs of any size (the result equals encoding the whole). Only with --format ids or count;"
                    + " an invalid byte stops the output where it is found.")
    boolean stream;

    @Override
    public Integer call() {
        if (stream) {
            return callStreaming();
        }
        // The input is read first: it is cheap to check, and a tokenizer can take a second to load.
        String text = input.readText(root.environment().stdin());
        Tokenizer t = tokenizer.loadForWholeTexts();
        PrintWriter out = root.out();
        if (!lines) {
            out.print(format.render(t.encode(text, addSpecialTokens), text, false));
            out.print('\n');
        } else {
            List<String> all = Lines.split(text);
            long total = 0;
            for (String line : all) {
                Encoding e = t.encode(line, addSpecialTokens);
                total += e.size();
                if (format != OutputFormat.count) {
                    out.print(format.render(e, line, true));
                    out.print('\n');
                }
            }
            if (format == OutputFormat.count) {
                out.print(total);
                out.print('\n');
            }
        }
        out.flush();
        return 0;
    }

    private Integer callStreaming() {
        if (lines || addSpecialTokens || (format != OutputFormat.ids && format != OutputFormat.count)) {
            throw new BadInputException(
                    "--stream prints ids or a count of the whole input: it takes neither --lines, --add-special-tokens"
                            + " nor --format " + format);
        }
        PrintWriter out = root.out();
        try (java.io.Reader in = input.openReader(root.environment().stdin())) {
            Tokenizer t = tokenizer.loadForWholeTexts();
            boolean printIds = format == OutputFormat.ids;
            long[] written = {0};
            long total = t.encodeStream(in, id -> {
                if (printIds) {
                    if (written[0]++ > 0) {
                        out.print(' ');
                    }
                    out.print(id);
                }
            });
            if (!printIds) {
                out.print(total);
            }
            out.print('\n');
        } catch (java.io.IOException e) {
            throw new BadInputException(input.sourceName() + ": cannot read: " + e.getMessage(), e);
        } finally {
            out.flush();
        }
        return 0;
    }
}
