package dev.tokensmith.cli.compare;

import dev.tokensmith.core.diff.ReferenceTokenizer;
import java.io.IOException;
import java.nio.file.Path;

/** Opens the reference tokenizer (the HF implementation) for a tokenizer.json file. */
@FunctionalInterface
public interface ReferenceLoader {
    String DJL_CLASS = "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer";

    /**
     * The reference for {@code tokenizerJson}; the caller closes it when it is {@link AutoCloseable}.
     *
     * @throws ReferenceUnavailableException when the reference cannot run here
     * @throws IOException when the file cannot be read
     */
    ReferenceTokenizer open(Path tokenizerJson) throws IOException;

    /**
     * HF tokenizers through DJL ({@code ai.djl.huggingface:tokenizers}), an optional dependency: checked for on the
     * class path before any DJL class is touched.
     */
    static ReferenceLoader djl() {
        return file -> {
            if (!isPresent(DJL_CLASS, ReferenceLoader.class.getClassLoader())) {
                throw new ReferenceUnavailableException("the HF reference is not on the class path: compare needs DJL's"
                        + " binding of HF tokenizers (ai.djl.huggingface:tokenizers) in cli/target/lib");
            }
            return DjlTokenizer.open(file);
        };
    }

    /** Whether {@code className} can be loaded by {@code loader}, without initializing it. */
    static boolean isPresent(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
