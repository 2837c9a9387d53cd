package dev.tokensmith.core.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find data that is too big for the repository: the shared corpora ({@code tokensmith.data}) and
 * the released tokenizer files ({@code tokensmith.cache}). The POM sets both system properties; outside Maven the
 * environment variables {@code TOKENSMITH_DATA} and {@code TOKENSMITH_CACHE} apply, then the defaults beside the
 * repository. Missing data fails the test with instructions; it never skips it.
 */
public final class TestData {
    private TestData() {}

    /** The shared data directory (holding {@code corpora/}); throws with instructions when it is missing. */
    public static Path dataDir() {
        Path dir = locate("tokensmith.data", "TOKENSMITH_DATA", repoRoot().resolve("../shared/data"));
        if (!Files.isDirectory(dir.resolve("corpora"))) {
            throw new IllegalStateException("The shared test data is missing: no corpora/ under " + dir
                    + ". Point the system property tokensmith.data (or the environment variable TOKENSMITH_DATA) at"
                    + " the data directory, which CI keeps beside the clone as ../shared/data. How to get or rebuild"
                    + " it: ../shared/data/README.md (its recipe/ rebuilds the corpora from Debian packages).");
        }
        return dir;
    }

    /** The cache of fetched tokenizer files (holding {@code tokenizers/}); may not exist yet. */
    public static Path cacheDir() {
        return locate("tokensmith.cache", "TOKENSMITH_CACHE", repoRoot().resolve(".cache"));
    }

    private static Path locate(String property, String env, Path fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        Path p = v == null || v.isBlank() ? fallback : Path.of(v);
        return p.toAbsolutePath().normalize();
    }

    /** The repository root: the nearest directory up from the working directory that holds {@code .mvn}. */
    static Path repoRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        return start;
    }
}
