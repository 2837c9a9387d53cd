package dev.tokensmith.corpora.count;

import dev.tokensmith.core.testdata.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tukaani.xz.XZInputStream;

/**
 * Real text for the tests: the start of some shared corpora (prose in several scripts, source code), cut into
 * documents at blank lines as the corpus files separate them. Fails loudly when the shared data is missing.
 */
final class CorpusSample {
    /** Categories with different scripts and shapes: Latin, Cyrillic, CJK, Arabic, code with odd white space. */
    static final List<String> FILES =
            List.of("nl/en", "nl/ru", "nl/ja", "nl/ar", "nl/de", "code/python", "code/c", "code/makefile");

    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private CorpusSample() {}

    /** The first {@code bytesEach} bytes (cut at a line end) of each file, as documents. */
    static List<String> documents(int bytesEach) {
        return CACHE.computeIfAbsent("all-" + bytesEach, k -> {
            List<String> docs = new ArrayList<>();
            for (String f : FILES) {
                docs.addAll(documents(f, bytesEach));
            }
            return docs;
        });
    }

    static List<String> documents(String file, int bytes) {
        Path path = TestData.dataDir().resolve("corpora").resolve(file + ".txt.xz");
        try (InputStream in = new XZInputStream(Files.newInputStream(path))) {
            String text = new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
            int lastLine = text.lastIndexOf('\n');
            text = lastLine < 0 ? text : text.substring(0, lastLine + 1);
            List<String> docs = new ArrayList<>();
            for (String d : text.split("\n\n")) {
                if (!d.isEmpty()) {
                    docs.add(d + "\n");
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read the shared corpus", e);
        }
    }
}
