package dev.tokensmith.transplant.align;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The released tokenizers these tests align, by short name: the HF tokenizer.json files {@code llama3}, {@code
 * gpt4o}, {@code llama2}, {@code bert} and Anthropic's {@code claude} from the cache that the system property
 * {@code tokensmith.cache} (env {@code TOKENSMITH_CACHE}) names, and tiktoken's built-in encodings. Loaded once
 * per JVM. A missing file fails the test with instructions.
 */
final class ReleasedTokenizers {
    static final List<String> FILES = List.of("llama3", "gpt4o", "llama2", "bert", "claude");
    static final List<String> TIKTOKEN = List.of("r50k_base", "p50k_base", "cl100k_base", "o200k_base");

    private static final Map<String, Tokenizer> LOADED = new ConcurrentHashMap<>();
    private static final Map<String, CanonicalVocab> VOCABS = new ConcurrentHashMap<>();

    private ReleasedTokenizers() {}

    static Tokenizer load(String name) {
        return LOADED.computeIfAbsent(
                name, n -> TIKTOKEN.contains(n) ? Tokenizers.builtin(n) : Tokenizers.fromFile(path(n)));
    }

    static CanonicalVocab vocab(String name) {
        return VOCABS.computeIfAbsent(name, n -> CanonicalVocab.of(load(n)));
    }

    static Path path(String name) {
        String dir = System.getProperty("tokensmith.cache");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("TOKENSMITH_CACHE");
        }
        if (dir == null || dir.isBlank()) {
            dir = "../.cache";
        }
        Path p = Path.of(dir, "tokenizers", name + ".json");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("Released tokenizer " + p + " not found: run scripts/fetch-tokenizers.sh,"
                    + " or point the system property tokensmith.cache (env TOKENSMITH_CACHE) at a cache holding"
                    + " tokenizers/" + name + ".json");
        }
        return p;
    }
}
