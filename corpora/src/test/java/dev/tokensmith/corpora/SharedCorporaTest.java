package dev.tokensmith.corpora;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.testdata.TestData;
import dev.tokensmith.core.text.Utf8;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tukaani.xz.XZInputStream;

/** The shared corpora (../shared/data) read through the directory layout agree with their manifest.tsv. */
@Tag("slow")
class SharedCorporaTest {
    private static final Path ROOT = TestData.dataDir().resolve("corpora");

    /**
     * manifest.tsv counts the documents its builder wrote (its byte column is the cap, not the size). Each document
     * was written followed by a line break, with a blank line before all but the first, so the documents' own bytes
     * are the decompressed file's bytes less 2 per document plus 1.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nl/en", "nl/ja", "domain/religion-bible"})
    void blankLineDocumentsAreTheOnesTheCorpusWasWrittenWith(String category) throws IOException {
        Corpus corpus = Corpus.open(ROOT);
        String[] row = manifestRow(category);
        long fileBytes = decompressedSize(ROOT.resolve(category + ".txt.xz"));
        long documents = Long.parseLong(row[3]);

        long bytes = 0;
        long count = 0;
        try (Stream<String> docs = corpus.category(category).documents()) {
            for (String d : (Iterable<String>) docs::iterator) {
                bytes += Utf8.length(d);
                count++;
            }
        }
        assertThat(count).isEqualTo(documents);
        assertThat(bytes).isEqualTo(fileBytes - 2 * documents + 1);
        assertThat(corpus.categories()).extracting(Category::name).contains("code/python", "nl/zh-tw");
    }

    private static long decompressedSize(Path xz) throws IOException {
        try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(xz)))) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static String[] manifestRow(String category) throws IOException {
        String[] kindAndName = category.split("/");
        List<String> lines = Files.readAllLines(ROOT.resolve("manifest.tsv"));
        return lines.stream()
                .map(l -> l.split("\t"))
                .filter(r -> r[0].equals(kindAndName[0]) && r[1].equals(kindAndName[1]))
                .findFirst()
                .orElseThrow();
    }
}
