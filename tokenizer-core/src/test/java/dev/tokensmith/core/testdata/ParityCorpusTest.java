package dev.tokensmith.core.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.diff.LabeledText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

class ParityCorpusTest {
    private static final ParityCorpus CORPUS = ParityCorpus.open();
    private static final long BYTES = 1_000_000;

    private static String category(LabeledText t) {
        return t.label().substring(0, t.label().lastIndexOf('@'));
    }

    @Test
    void hasEveryCorpusFileAndEveryUdhrLanguageAsACategory() throws IOException {
        Set<String> files = new TreeSet<>();
        for (String kind : List.of("nl", "code", "domain")) {
            try (Stream<Path> s =
                    Files.list(TestData.dataDir().resolve("corpora").resolve(kind))) {
                s.map(p -> kind + "/" + p.getFileName().toString().replace(".txt.xz", ""))
                        .forEach(files::add);
            }
        }

        List<String> categories = CORPUS.categories();

        assertThat(files).hasSizeGreaterThanOrEqualTo(97);
        assertThat(categories).containsAll(files);
        assertThat(categories.stream().filter(c -> c.startsWith("udhr/"))).hasSizeGreaterThan(500);
    }

    @Test
    void aSampleCoversEveryCategoryAndHasAboutTheRequestedSize() {
        List<LabeledText> sample = CORPUS.documents(BYTES);

        Set<String> covered = sample.stream().map(ParityCorpusTest::category).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(CORPUS.categories());
        assertThat(ParityCorpus.totalBytes(sample)).isBetween(BYTES * 9 / 10, BYTES * 13 / 10);
    }

    @Test
    void samplesAreDeterministicForASeedAndDifferAcrossSeeds() {
        List<LabeledText> a = CORPUS.compute(300_000, 1, ParityCorpus.Mode.DOCUMENTS);
        List<LabeledText> b = CORPUS.compute(300_000, 1, ParityCorpus.Mode.DOCUMENTS);
        List<LabeledText> c = CORPUS.compute(300_000, 2, ParityCorpus.Mode.DOCUMENTS);

        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void documentsAreAtMostTheCapUnlessASingleLine() {
        for (LabeledText t : CORPUS.documents(BYTES)) {
            String body =
                    t.text().endsWith("\n") ? t.text().substring(0, t.text().length() - 1) : t.text();
            if (body.contains("\n")) {
                assertThat(ParityCorpus.utf8Length(body)).as(t.label()).isLessThanOrEqualTo(ParityCorpus.DOCUMENT_CAP);
            }
            assertThat(body).as(t.label()).isNotEmpty().doesNotStartWith("\n");
        }
    }

    @Test
    void codeDocumentsKeepTheirEmptyLines() {
        assertThat(CORPUS.documents(BYTES).stream().filter(t -> t.label().startsWith("code/")))
                .anyMatch(t -> t.text().contains("\n\n"));
    }

    @Test
    void lineModeGivesSingleNonEmptyLines() {
        List<LabeledText> lines = CORPUS.lines(300_000);

        assertThat(lines).hasSizeGreaterThan(1000);
        assertThat(lines).allSatisfy(t -> assertThat(t.text()).isNotEmpty().doesNotContain("\n"));
        assertThat(lines.stream().map(ParityCorpusTest::category).distinct().count())
                .isEqualTo(CORPUS.categories().size());
    }

    @Test
    void labelsGiveTheByteOffsetOfTheText() throws IOException {
        Map<String, byte[]> udhr;
        try (InputStream in =
                new XZInputStream(Files.newInputStream(TestData.dataDir().resolve("corpora/udhr.tar.xz")))) {
            udhr = TarEntries.read(in);
        }
        List<LabeledText> docs = CORPUS.documents(BYTES).stream()
                .filter(t -> t.label().startsWith("udhr/"))
                .toList();

        assertThat(docs).hasSizeGreaterThan(500).allSatisfy(t -> {
            String lang = category(t).substring("udhr/".length());
            int offset = Integer.parseInt(t.label().substring(t.label().lastIndexOf('@') + 1));
            byte[] file = udhr.get("udhr/" + lang + ".txt");
            String there = new String(file, offset, file.length - offset, StandardCharsets.UTF_8);
            assertThat(there).as(t.label()).startsWith(t.text());
        });
    }

    @Test
    void missingDataFailsLoudlyWithInstructions(@TempDir Path empty) {
        assertThatThrownBy(() -> ParityCorpus.at(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("README.md");
    }
}
