package dev.tokensmith.cli;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import picocli.CommandLine.Option;

/** {@code --tokenizer}: a tokenizer file of any supported format or a built-in name. */
final class TokenizerOption {
    @Option(
            names = {"-t", "--tokenizer"},
            required = true,
            paramLabel = "TOKENIZER",
            description = "A HF tokenizer.json, a tiktoken rank file, Anthropic's claude.json, or a built-in name:"
                    + " r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base.")
    String spec;

    /** The tokenizer as its file declares it (truncation and padding included). */
    Tokenizer load() {
        return Tokenizers.load(spec);
    }

    /**
     * The tokenizer without the truncation and padding its file may declare: a command-line tool encodes whole
     * texts, as counting and comparing need.
     */
    Tokenizer loadForWholeTexts() {
        return load().withoutTruncationOrPadding();
    }
}
