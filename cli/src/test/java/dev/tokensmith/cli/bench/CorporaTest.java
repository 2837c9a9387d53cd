package dev.tokensmith.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.Utf8;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Sampling a corpus file, on a small .xz file written here in the shared data layout. */
class CorporaTest {
    @TempDir
    Path data;

    private void corpus(String category, String text) throws IOException {
        Path file = data.resolve("corpora").resolve(category + ".txt.xz");
        Files.createDirectories(file.getParent());
        try (OutputStream out = new XZOutputStream(Files.newOutputStream(file), new LZMA2Options())) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code count} documents of {@code size} bytes, numbered, separated by blank lines. */
    private static String documents(int count, int size) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String head = "doc " + i + " ";
            sb.append(head).append("x".repeat(size - head.length())).append("\n\n");
        }
        return sb.toString();
    }

    @Test
    void aSampleTakesWholeTextsFromTheStartUntilItHasTheBytesAskedFor() throws IOException {
        corpus("nl/xx", documents(1000, 1000));
        List<String> texts = Corpora.sample(data, "nl/xx", 50_000);
        long bytes = texts.stream().mapToLong(Utf8::length).sum();
        assertThat(bytes).isBetween(50_000L, 50_000L + Corpora.TEXT_CAP);
        assertThat(texts.getFirst()).startsWith("doc 0 ");
        // Eight documents of 1000 bytes with blank lines between them fit 8192 bytes.
        assertThat(texts.getFirst().split("\n\n")).hasSize(8);
        assertThat(texts).allSatisfy(t -> assertThat(Utf8.length(t)).isLessThanOrEqualTo(Corpora.TEXT_CAP));
    }

    @Test
    void aSmallFileGivesAllItHas() throws IOException {
        corpus("code/yy", "one\n\ntwo\n");
        assertThat(Corpora.sample(data, "code/yy", 1_000_000)).containsExactly("one\n\ntwo");
    }

    @Test
    void noDocumentIsCutWhereDecompressionStops() throws IOException {
        corpus("nl/zz", documents(2000, 3000));
        for (String text : Corpora.sample(data, "nl/zz", 20_000)) {
            for (String doc : text.split("\n\n")) {
                assertThat(doc).hasSize(3000);
            }
        }
    }
}
