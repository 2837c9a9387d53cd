package dev.tokensmith.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.TokenizerJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one factory for tokenizers: HF tokenizer.json files, tiktoken rank files, Anthropic's claude.json, and
 * the built-in tiktoken encodings by name.
 */
public final class Tokenizers {
    private static final List<String> BUILTIN =
            List.of("r50k_base", "p50k_base", "p50k_edit", "cl100k_base", "o200k_base");

    private Tokenizers() {}

    /** Names accepted by {@link #builtin(String)}. */
    public static List<String> builtinNames() {
        return BUILTIN;
    }

    /** A built-in tiktoken encoding ({@code r50k_base}, {@code p50k_base}, {@code cl100k_base}, {@code o200k_base}). */
    public static Tokenizer builtin(String name) {
        throw new IllegalArgumentException(
                "unknown built-in tokenizer \"" + name + "\" (known: " + String.join(", ", BUILTIN) + ")");
    }

    /** A built-in name or a path to a tokenizer file of any supported format. */
    public static Tokenizer load(String nameOrPath) {
        if (BUILTIN.contains(nameOrPath)) {
            return builtin(nameOrPath);
        }
        Path p = Path.of(nameOrPath);
        if (!Files.exists(p)) {
            throw new TokenizerFormatException(
                    nameOrPath,
                    null,
                    "no such file, and not a built-in tokenizer name (built-ins: " + String.join(", ", BUILTIN) + ")");
        }
        return fromFile(p);
    }

    /** Reads a tokenizer file, detecting its format: tokenizer.json, claude.json or a tiktoken rank file. */
    public static Tokenizer fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TokenizerFormatException(file.toString(), null, "not a regular file");
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".tiktoken")) {
            throw new TokenizerFormatException(file.toString(), null, "tiktoken rank files are not supported yet");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            throw new TokenizerFormatException(
                    file.toString(), null, "not valid JSON: " + (nl >= 0 ? m.substring(0, nl) : m), e);
        }
        try {
            return fromJson(root);
        } catch (TokenizerFormatException e) {
            throw e.inFile(file.toString());
        }
    }

    /** Reads a parsed tokenizer document (tokenizer.json, or claude.json). */
    public static Tokenizer fromJson(JsonNode root) {
        return TokenizerJson.read(root);
    }

    /** Reads tokenizer.json text. */
    public static Tokenizer fromJsonString(String json) {
        try {
            return fromJson(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new TokenizerFormatException(null, null, "not valid JSON: " + e.getMessage(), e);
        }
    }
}
