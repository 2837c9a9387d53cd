package dev.tokensmith.transplant.io;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where each supported model family keeps its token embeddings, output head and any vocabulary-sized bias,
 * and whether it ties the head to the embeddings when config.json does not say. Names are listed in the
 * order they are tried (checkpoints saved from a base model lack the task prefix, e.g. GPT-2's {@code
 * wte.weight} or sentence-transformers' BERT {@code embeddings.word_embeddings.weight}).
 */
public enum Architecture {
    LLAMA("llama", "Llama", false, List.of("model.embed_tokens.weight"), List.of("lm_head.weight"), List.of()),
    MISTRAL("mistral", "Mistral", false, List.of("model.embed_tokens.weight"), List.of("lm_head.weight"), List.of()),
    QWEN2("qwen2", "Qwen2", false, List.of("model.embed_tokens.weight"), List.of("lm_head.weight"), List.of()),
    QWEN3("qwen3", "Qwen3", false, List.of("model.embed_tokens.weight"), List.of("lm_head.weight"), List.of()),
    GEMMA("gemma", "Gemma", true, List.of("model.embed_tokens.weight"), List.of("lm_head.weight"), List.of()),
    GEMMA2("gemma2", "Gemma2", true, List.of("model.embed_tokens.weight"), List.of("lm_head.weight"), List.of()),
    GEMMA3_TEXT(
            "gemma3_text",
            "Gemma3ForCausalLM",
            true,
            List.of("model.embed_tokens.weight"),
            List.of("lm_head.weight"),
            List.of()),
    GPT2("gpt2", "GPT2", true, List.of("transformer.wte.weight", "wte.weight"), List.of("lm_head.weight"), List.of()),
    BERT(
            "bert",
            "Bert",
            true,
            List.of("bert.embeddings.word_embeddings.weight", "embeddings.word_embeddings.weight"),
            List.of("cls.predictions.decoder.weight"),
            List.of("cls.predictions.bias", "cls.predictions.decoder.bias"));

    private final String modelType;
    private final String classPrefix;
    private final boolean tiedByDefault;
    private final List<String> embeddingNames;
    private final List<String> headNames;
    private final List<String> vocabBiasNames;

    Architecture(
            String modelType,
            String classPrefix,
            boolean tiedByDefault,
            List<String> embeddingNames,
            List<String> headNames,
            List<String> vocabBiasNames) {
        this.modelType = modelType;
        this.classPrefix = classPrefix;
        this.tiedByDefault = tiedByDefault;
        this.embeddingNames = embeddingNames;
        this.headNames = headNames;
        this.vocabBiasNames = vocabBiasNames;
    }

    /** config.json's {@code model_type}. */
    public String modelType() {
        return modelType;
    }

    /** {@code tie_word_embeddings} when config.json leaves it out (the transformers config class default). */
    public boolean tiedByDefault() {
        return tiedByDefault;
    }

    /** Candidate names of the input embedding matrix [vocab, hidden], tried in order. */
    public List<String> embeddingNames() {
        return embeddingNames;
    }

    /** Candidate names of the output head [vocab, hidden], tried in order. */
    public List<String> headNames() {
        return headNames;
    }

    /** Names of 1-D tensors of vocabulary size (output biases) that must follow a vocabulary change. */
    public List<String> vocabBiasNames() {
        return vocabBiasNames;
    }

    /** The architecture of {@code model_type}, or null. */
    public static Architecture byModelType(String modelType) {
        for (Architecture a : values()) {
            if (a.modelType.equals(modelType)) {
                return a;
            }
        }
        return null;
    }

    /** The architecture of a transformers class name such as {@code Qwen2ForCausalLM}, or null. */
    public static Architecture byClassName(String className) {
        Architecture best = null;
        for (Architecture a : values()) {
            if (className.startsWith(a.classPrefix)
                    && (best == null || a.classPrefix.length() > best.classPrefix.length())) {
                best = a;
            }
        }
        return best;
    }

    /** The supported model types, for error messages. */
    public static String supported() {
        return Arrays.stream(values()).map(Architecture::modelType).collect(Collectors.joining(", "));
    }
}
