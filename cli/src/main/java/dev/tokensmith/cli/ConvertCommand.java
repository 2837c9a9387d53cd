package dev.tokensmith.cli;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.format.TokenizerJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith convert}: any supported tokenizer to a HF tokenizer.json. */
@Command(
        name = "convert",
        description = {
            "Convert a tokenizer to a HF tokenizer.json.",
            "",
            "Reads a tiktoken rank file, claude.json, built-in name or tokenizer.json. The output is written whole",
            "or not at all (a temporary file, then a rename)."
        })
final class ConvertCommand implements Callable<Integer> {
    @ParentCommand
    TokensmithCommand root;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "FILE|NAME",
            description = "The tokenizer to convert: a file of any supported format or a built-in name.")
    String from;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the tokenizer.json (replaced if it exists).")
    Path out;

    @Override
    public Integer call() {
        Tokenizer t = Tokenizers.load(from);
        try {
            TokenizerJson.write(t, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        root.note("wrote " + out + " (" + t.vocabSize(true) + " tokens)");
        return 0;
    }
}
