package dev.tokensmith.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.Tiktoken;
import dev.tokensmith.core.format.TiktokenConverter;
import dev.tokensmith.core.format.TiktokenEncoding;
import dev.tokensmith.core.format.TiktokenJson;
import dev.tokensmith.core.format.TokenizerJson;
import dev.tokensmith.core.normalizer.Nfkc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one factory for tokenizers: HF tokenizer.json files, tiktoken rank files, Anthropic's claude.json, and
 * the built-in tiktoken encodings by name.
 */
public final class Tokenizers {
    private static final List<String> BUILTIN = Tiktoken.builtinNames();
    private static final Map<String, Tokenizer> BUILTIN_CACHE = new ConcurrentHashMap<>();

    private Tokenizers() {}

    /** Names accepted by {@link #builtin(String)}. */
    public static List<String> builtinNames() {
        return BUILTIN;
    }

    /**
     * A built-in tiktoken encoding ({@code r50k_base}, {@code p50k_base}, {@code p50k_edit}, {@code cl100k_base},
     * {@code o200k_base}) as an equivalent tokenizer.json pipeline; built once per name and shared.
     */
    public static Tokenizer builtin(String name) {
        if (!BUILTIN.contains(name)) {
            throw new IllegalArgumentException(
                    "unknown built-in tokenizer \"" + name + "\" (known: " + String.join(", ", BUILTIN) + ")");
        }
        return BUILTIN_CACHE.computeIfAbsent(name, n -> fromTiktoken(Tiktoken.builtin(n)));
    }

    /** A tiktoken encoding as an equivalent tokenizer.json pipeline (merges derived from the ranks). */
    public static Tokenizer fromTiktoken(TiktokenEncoding encoding) {
        return TokenizerJson.read(TiktokenConverter.toTokenizerJson(encoding));
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
            return fromTiktokenFile(file);
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
            if (root != null && root.has("bpe_ranks")) {
                String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
                TiktokenEncoding encoding = TiktokenJson.read(root, base, file.toString());
                Tokenizer tokenizer = fromTiktoken(encoding);
                return isClaude(encoding)
                        ? tokenizer.toBuilder().normalizer(new Nfkc()).build()
                        : tokenizer;
            }
            return fromJson(root);
        } catch (TokenizerFormatException e) {
            throw e.inFile(file.toString());
        }
    }

    /**
     * Anthropic's claude.json: its reference counter ({@code @anthropic-ai/tokenizer}) applies NFKC before
     * encoding, which the file itself does not say; recognised by its special tokens.
     */
    private static boolean isClaude(TiktokenEncoding encoding) {
        return encoding.specialTokens().containsKey("<META_START>")
                && encoding.specialTokens().containsKey("<EOT>");
    }

    /**
     * A {@code .tiktoken} rank file. The file holds no split pattern or special tokens, so its name must be that of
     * a built-in encoding ({@code cl100k_base.tiktoken}), whose pattern and special tokens are used.
     */
    private static Tokenizer fromTiktokenFile(Path file) {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.length() - ".tiktoken".length());
        if (!BUILTIN.contains(base)) {
            throw new TokenizerFormatException(
                    file.toString(),
                    null,
                    "a .tiktoken rank file carries no split pattern; name it after a built-in encoding ("
                            + String.join(", ", BUILTIN) + ") or use Tokenizers.fromTiktoken(Tiktoken.load(...))");
        }
        TiktokenEncoding known = Tiktoken.builtin(base);
        try {
            return fromTiktoken(Tiktoken.load(file, known.pattern(), known.specialTokens()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
