package dev.tokensmith.cli;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where fetched tokenizers are cached: {@code --cache-dir}, else the system property {@code tokensmith.cache}
 * (which {@code ./tokensmith} sets), else the environment variable {@code TOKENSMITH_CACHE}; tokenizer files are
 * in its {@code tokenizers/} folder.
 */
final class CacheDir {
    static final String PROPERTY = "tokensmith.cache";
    static final String ENV = "TOKENSMITH_CACHE";

    private CacheDir() {}

    /** The cache folder, or null when none is configured. */
    static Path resolve(Path option, Function<String, String> getenv) {
        if (option != null) {
            return option;
        }
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = getenv.apply(ENV);
        }
        return p == null || p.isBlank() ? null : Path.of(p);
    }
}
