package dev.tokensmith.corpora;

import static dev.tokensmith.corpora.Fixtures.read;
import static dev.tokensmith.corpora.Fixtures.utf8;
import static dev.tokensmith.corpora.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryLayoutNamesCategoriesByTheirPathWithoutExtensions() {
        write(dir.resolve("nl/en.txt.xz"), Fixtures.xz(utf8("hello\n\nworld")));
        write(dir.resolve("nl/de.txt"), "hallo");
        write(dir.resolve("code/python.jsonl.gz"), Fixtures.gzip(utf8("{\"text\": \"print(1)\"}\n")));
        write(dir.resolve("manifest.tsv"), "not a category");
        write(dir.resolve("udhr.tar.xz"), Fixtures.xz(utf8("not a category either")));

        Corpus corpus = Corpus.open(dir);

        assertThat(corpus.categories()).extracting(Category::name).containsExactly("code/python", "nl/de", "nl/en");
        assertThat(read(corpus.category("nl/en"))).containsExactly("hello", "world");
        assertThat(read(corpus.category("code/python"))).containsExactly("print(1)");
        assertThat(read(corpus.all())).containsExactly("print(1)", "hallo", "hello", "world");
        assertThat(corpus.category("nl/de").license()).isEmpty();
    }

    @Test
    void anUnknownCategoryIsAnErrorListingTheCategories() {
        write(dir.resolve("a.txt"), "a");
        write(dir.resolve("b.txt"), "b");
        assertThatThrownBy(() -> Corpus.open(dir).category("c"))
                .isInstanceOf(CorpusException.class)
                .hasMessage(dir + ": no category \"c\"; it has a, b");
    }

    @Test
    void theSameCategoryInTwoFilesIsAnError() {
        write(dir.resolve("a.txt"), "a");
        write(dir.resolve("a.txt.gz"), Fixtures.gzip(utf8("a")));
        assertThatThrownBy(() -> Corpus.open(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("category \"a\" appears twice");
    }

    @Test
    void aManifestNamesSourcesLicencesAndSizes() {
        write(dir.resolve("text/en-1.txt"), "one\n\ntwo");
        write(dir.resolve("text/en-2.txt"), "three");
        write(dir.resolve("rows.jsonl"), "{\"body\": \"x\"}\n{\"body\": \"y\"}\n");
        write(dir.resolve("corpus.json"), """
                {
                  "name": "mine",
                  "license": "CC0-1.0",
                  "categories": [
                    {"name": "en", "sources": ["text/en-*.txt"], "bytes": 11, "documents": 3,
                     "license": "MIT", "origin": "typed by hand"},
                    {"name": "rows", "sources": ["rows.jsonl"], "field": "body"},
                    {"name": "lines", "sources": ["text/en-1.txt"], "boundary": "line", "format": "text"}
                  ]
                }
                """);

        Corpus corpus = Corpus.open(dir);

        assertThat(corpus.name()).isEqualTo("mine");
        Category en = corpus.category("en");
        assertThat(read(en)).containsExactly("one", "two", "three");
        assertThat(en.license()).hasValue("MIT");
        assertThat(en.origin()).hasValue("typed by hand");
        assertThat(en.statedBytes()).hasValue(11);
        assertThat(en.statedDocuments()).hasValue(3);
        assertThat(en.parts()).hasSize(2);
        assertThat(read(corpus.category("rows"))).containsExactly("x", "y");
        assertThat(corpus.category("rows").license()).hasValue("CC0-1.0");
        assertThat(read(corpus.category("lines"))).containsExactly("one", "two");
        assertThat(Corpus.open(dir.resolve("corpus.json")).categories()).hasSize(3);
    }

    @Test
    void manifestMistakesAreOneLineErrorsNamingTheFileAndKey() {
        write(dir.resolve("a.txt"), "a");
        Path manifest = write(
                dir.resolve("m.json"),
                "{\"categories\": [{\"name\": \"a\", \"sources\": [\"a.txt\"], \"licence\": \"MIT\"}]}");
        assertThatThrownBy(() -> Corpus.open(manifest))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(manifest + ": category \"a\": unknown key \"licence\" (known: ");
        Path bad =
                write(dir.resolve("b.json"), "{\"categories\": [{\"name\": \"a\", \"sources\": [\"missing.txt\"]}]}");
        assertThatThrownBy(() -> Corpus.open(bad))
                .isInstanceOf(CorpusException.class)
                .hasMessageEndingWith("missing.txt: no such file or directory");
        Path boundary = write(
                dir.resolve("c.json"),
                "{\"categories\": [{\"name\": \"a\", \"sources\": [\"a.txt\"], \"boundary\": \"para\"}]}");
        assertThatThrownBy(() -> Corpus.open(boundary))
                .isInstanceOf(CorpusException.class)
                .hasMessage(boundary + ": category \"a\": \"boundary\" is \"para\"; use one of blank-line, line, file");
    }
}
