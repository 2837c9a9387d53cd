package dev.tokensmith.cli;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.train.TrainingTemplate;
import picocli.CommandLine.Option;

/**
 * Which normalizer and pre-tokenizer cut text into pre-tokens: a training template by name, or the stages of an
 * existing tokenizer (its model is not used).
 */
final class PipelineOption {
    @Option(
            names = {"--tokenizer-template", "--mode"},
            paramLabel = "TEMPLATE",
            description = "byte-level (GPT-2), llama3, qwen2 or char-level (KL3M); default byte-level.")
    String template;

    @Option(
            names = "--pipeline-from",
            paramLabel = "TOKENIZER",
            description = "Take the normalizer and pre-tokenizer of this tokenizer (file or built-in name) instead.")
    String tokenizer;

    TrainingTemplate template() {
        try {
            return TrainingTemplate.byId(template == null ? "byte-level" : template);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The name recorded with counts: the template's, or the tokenizer's. */
    String name() {
        return tokenizer != null ? "tokenizer:" + tokenizer : template().id();
    }

    Normalizer normalizer() {
        return tokenizer != null
                ? fromTokenizer().normalizer().orElse(null)
                : template().normalizer().orElse(null);
    }

    PreTokenizer preTokenizer() {
        return tokenizer != null
                ? fromTokenizer().preTokenizer().orElse(null)
                : template().preTokenizer();
    }

    private Tokenizer loaded;

    private Tokenizer fromTokenizer() {
        if (template != null) {
            throw new BadInputException("give either --tokenizer-template or --pipeline-from, not both");
        }
        if (loaded == null) {
            loaded = Tokenizers.load(tokenizer);
        }
        return loaded;
    }
}
