package dev.tokensmith.cli;

import dev.tokensmith.core.Tokenizer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith decode}: token ids back to text. */
@Command(
        name = "decode",
        description = {
            "Decode token ids to text.",
            "",
            "Ids are separated by whitespace or commas, or written as JSON arrays.",
            "",
            "The text is printed exactly, with no newline added, so that decoding reproduces the input bytes.",
            "Ids the tokenizer does not know are skipped, as HF tokenizers does."
        })
final class DecodeCommand implements Callable<Integer> {
    @ParentCommand
    TokensmithCommand root;

    @Mixin
    TokenizerOption tokenizer;

    @Mixin
    InputOption input;

    @Option(names = "--skip-special-tokens", description = "Leave out special tokens (BOS, EOS, padding...).")
    boolean skipSpecialTokens;

    @Option(
            names = "--lines",
            description = "Decode each input line as its own sequence of ids and print one text per line,"
                    + " undoing 'encode --lines'.")
    boolean lines;

    @Override
    public Integer call() {
        // Input first: malformed ids are reported before a tokenizer is loaded.
        String text = input.readText(root.environment().stdin());
        String source = input.sourceName();
        List<int[]> sequences = new ArrayList<>();
        if (!lines) {
            sequences.add(TokenIds.parse(text, source));
        } else {
            List<String> all = Lines.split(text);
            for (int i = 0; i < all.size(); i++) {
                sequences.add(TokenIds.parse(all.get(i), source, i + 1));
            }
        }
        Tokenizer t = tokenizer.loadForWholeTexts();
        PrintWriter out = root.out();
        for (int[] ids : sequences) {
            out.print(t.decode(ids, skipSpecialTokens));
            if (lines) {
                out.print('\n');
            }
        }
        out.flush();
        return 0;
    }
}
