package dev.tokensmith.core.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Loads tiktoken encodings: from a {@code .tiktoken} rank file, or OpenAI's built-in encodings by name. The
 * built-ins read the rank files that the JTokkit jar (com.knuddels:jtokkit 1.1.0) carries, and use the split
 * patterns and special tokens of OpenAI's tiktoken 0.14.0 ({@code tiktoken_ext/openai_public.py}).
 */
public final class Tiktoken {
    /** tiktoken's pattern for r50k_base, p50k_base and p50k_edit (GPT-2's, rewritten with possessives). */
    public static final String R50K_PATTERN =
            "'(?:[sdmt]|ll|ve|re)| ?\\p{L}++| ?\\p{N}++| ?[^\\s\\p{L}\\p{N}]++|\\s++$|\\s+(?!\\S)|\\s";

    /** tiktoken's pattern for cl100k_base. */
    public static final String CL100K_PATTERN = "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+"
            + "| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+|\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s";

    /** tiktoken's pattern for o200k_base. */
    public static final String O200K_PATTERN = String.join(
            "|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+");

    private static final String ENDOFTEXT = "<|endoftext|>";
    private static final String FIM_PREFIX = "<|fim_prefix|>";
    private static final String FIM_MIDDLE = "<|fim_middle|>";
    private static final String FIM_SUFFIX = "<|fim_suffix|>";
    private static final String ENDOFPROMPT = "<|endofprompt|>";

    private static final String RESOURCE_DIR = "/com/knuddels/jtokkit/";

    private static final Map<String, TiktokenEncoding> BUILTINS = new HashMap<>();

    private Tiktoken() {}

    /** The names {@link #builtin(String)} knows. */
    public static List<String> builtinNames() {
        return List.of("r50k_base", "p50k_base", "p50k_edit", "cl100k_base", "o200k_base");
    }

    /**
     * One of OpenAI's encodings: r50k_base, p50k_base, p50k_edit, cl100k_base or o200k_base. Loaded once and
     * shared (encodings are immutable).
     *
     * @throws IllegalArgumentException for another name
     * @throws IllegalStateException when the JTokkit jar that carries the rank files is not on the class path
     */
    public static synchronized TiktokenEncoding builtin(String name) {
        if (!builtinNames().contains(name)) {
            throw new IllegalArgumentException(
                    "unknown tiktoken encoding \"" + name + "\" (built in: " + String.join(", ", builtinNames()) + ")");
        }
        TiktokenEncoding encoding = BUILTINS.get(name);
        if (encoding == null) {
            encoding = loadBuiltin(name); // p50k_edit reuses p50k_base's ranks through builtin()
            BUILTINS.put(name, encoding);
        }
        return encoding;
    }

    private static TiktokenEncoding loadBuiltin(String name) {
        return switch (name) {
            case "r50k_base" ->
                new TiktokenEncoding(
                        name,
                        R50K_PATTERN,
                        resourceRanks("r50k_base.tiktoken", 50_256),
                        Map.of(ENDOFTEXT, 50256),
                        OptionalInt.of(50257));
            case "p50k_base" ->
                new TiktokenEncoding(
                        name,
                        R50K_PATTERN,
                        resourceRanks("p50k_base.tiktoken", 50_280),
                        Map.of(ENDOFTEXT, 50256),
                        OptionalInt.of(50281));
            case "p50k_edit" ->
                new TiktokenEncoding(
                        name,
                        R50K_PATTERN,
                        builtin("p50k_base").ranks(),
                        Map.of(ENDOFTEXT, 50256, FIM_PREFIX, 50281, FIM_MIDDLE, 50282, FIM_SUFFIX, 50283));
            case "cl100k_base" ->
                new TiktokenEncoding(
                        name,
                        CL100K_PATTERN,
                        resourceRanks("cl100k_base.tiktoken", 100_256),
                        Map.of(
                                ENDOFTEXT, 100257,
                                FIM_PREFIX, 100258,
                                FIM_MIDDLE, 100259,
                                FIM_SUFFIX, 100260,
                                ENDOFPROMPT, 100276));
            case "o200k_base" ->
                new TiktokenEncoding(
                        name,
                        O200K_PATTERN,
                        resourceRanks("o200k_base.tiktoken", 199_998),
                        Map.of(ENDOFTEXT, 199999, ENDOFPROMPT, 200018));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static MergeableRanks resourceRanks(String file, int expectedSize) {
        String resource = RESOURCE_DIR + file;
        try (InputStream in = Tiktoken.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tiktoken rank file " + resource
                        + " not found: the built-in encodings need com.knuddels:jtokkit 1.1.0 on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            return new TiktokenRanksReader(file, null).readPlain(reader, expectedSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Loads a {@code .tiktoken} rank file (lines {@code "<base64 token> <rank>"}) as an encoding named after the
     * file (its name without the extension).
     *
     * @param pattern the split pattern, in tiktoken's (fancy-regex) syntax
     * @param specialTokens special token text to id
     * @throws dev.tokensmith.core.TokenizerFormatException naming the file and line of a malformed entry
     */
    public static TiktokenEncoding load(Path rankFile, String pattern, Map<String, Integer> specialTokens)
            throws IOException {
        String fileName = rankFile.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String name = dot > 0 ? fileName.substring(0, dot) : fileName;
        return new TiktokenEncoding(name, pattern, readRanks(rankFile), specialTokens);
    }

    /**
     * Reads the ranks of a {@code .tiktoken} file.
     *
     * @throws dev.tokensmith.core.TokenizerFormatException naming the file and line of a malformed entry
     */
    public static MergeableRanks readRanks(Path rankFile) throws IOException {
        long size = Files.size(rankFile);
        try (BufferedReader reader = Files.newBufferedReader(rankFile, StandardCharsets.UTF_8)) {
            return new TiktokenRanksReader(rankFile.toString(), null).readPlain(reader, (int)
                    Math.min(1 << 20, Math.max(16, size / 12)));
        }
    }
}
