package dev.tokensmith.corpora;

import static dev.tokensmith.corpora.Fixtures.read;
import static dev.tokensmith.corpora.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainTextSourceTest {
    @TempDir
    Path dir;

    @Test
    void blankLinesSeparateDocumentsWhoseBytesAreKeptExactly() {
        Path f = write(dir.resolve("a.txt"), "\n\nfirst line\n  second line \n\n\n\nnext\r\ndoc\r\n\r\nlast");
        assertThat(read(Corpora.open(f))).containsExactly("first line\n  second line ", "next\r\ndoc\r", "last");
    }

    @Test
    void lineModeMakesEachNonEmptyLineADocumentWithoutItsLineBreak() {
        Path f = write(dir.resolve("a.txt"), "one\r\ntwo\n\nthree");
        TextSource source =
                Corpora.open(SourceOptions.DEFAULT.withBoundary(DocumentBoundary.LINE), List.of(f.toString()));
        assertThat(read(source)).containsExactly("one", "two", "three");
    }

    @Test
    void fileModeMakesTheWholeFileOneDocument() {
        String text = "a\n\nb\n";
        Path f = write(dir.resolve("a.txt"), text);
        TextSource source =
                Corpora.open(SourceOptions.DEFAULT.withBoundary(DocumentBoundary.FILE), List.of(f.toString()));
        assertThat(read(source)).containsExactly(text);
        assertThat(read(Corpora.open(
                        SourceOptions.DEFAULT.withBoundary(DocumentBoundary.FILE),
                        List.of(write(dir.resolve("empty.txt"), "").toString()))))
                .isEmpty();
    }

    @Test
    void documentsLongerThanTheReadBufferSurviveIntact() {
        String big = "x".repeat(200_000) + "\n" + "é".repeat(100_000);
        Path f = write(dir.resolve("big.txt"), big + "\n\nsmall");
        assertThat(read(Corpora.open(f))).containsExactly(big, "small");
    }

    @Test
    void aLeadingByteOrderMarkIsDropped() {
        Path f = write(dir.resolve("bom.txt"), "\ufeffhello\n\nworld");
        assertThat(read(Corpora.open(f))).containsExactly("hello", "world");
    }

    @Test
    void invalidUtf8FailsWithTheFileAndByteOffset() {
        byte[] bytes = Fixtures.utf8("good\n\nbad: X");
        bytes[bytes.length - 1] = (byte) 0xc3;
        Path f = write(dir.resolve("bad.txt"), bytes);
        assertThatThrownBy(() -> read(Corpora.open(f)))
                .isInstanceOf(CorpusException.class)
                .hasMessage(f + ": invalid UTF-8 at byte offset 11");
    }

    @Test
    void directoriesAreReadRecursivelyInSortedOrderSkippingHiddenFiles() {
        write(dir.resolve("b.txt"), "b");
        write(dir.resolve("a/z.txt"), "az");
        write(dir.resolve("a/b/c.txt"), "abc");
        write(dir.resolve("A.txt"), "A");
        write(dir.resolve(".hidden.txt"), "hidden");
        write(dir.resolve(".git/x.txt"), "git");
        TextSource source = Corpora.open(dir);
        assertThat(read(source)).containsExactly("A", "abc", "az", "b");
        assertThat(source.parts()).hasSize(4);
        assertThat(source.sizeBytes()).hasValue(1 + 3 + 2 + 1);
    }

    @Test
    void globsMatchBelowTheirLiteralDirectory() {
        write(dir.resolve("x/one.txt"), "1");
        write(dir.resolve("x/deep/two.txt"), "2");
        write(dir.resolve("x/three.md"), "3");
        assertThat(read(Corpora.open(dir + "/x/*.txt"))).containsExactly("1");
        assertThat(read(Corpora.open(dir + "/x/**.txt"))).containsExactly("2", "1");
        assertThat(read(Corpora.open(dir + "/x/{*.md,*.txt}"))).containsExactly("1", "3");
    }

    @Test
    void pathsAreReadInTheOrderGiven() {
        Path a = write(dir.resolve("a.txt"), "a");
        Path b = write(dir.resolve("b.txt"), "b");
        assertThat(read(Corpora.open(b, a))).containsExactly("b", "a");
    }

    @Test
    void missingPathsAndEmptyGlobsAreClearErrors() {
        assertThatThrownBy(() -> Corpora.open(dir.resolve("nope.txt")))
                .isInstanceOf(CorpusException.class)
                .hasMessage(dir.resolve("nope.txt") + ": no such file or directory");
        assertThatThrownBy(() -> Corpora.open(dir + "/*.txt"))
                .isInstanceOf(CorpusException.class)
                .hasMessage(dir + "/*.txt: matches no files");
    }

    @Test
    void eachCallReadsTheSourceAgainFromTheStart() {
        TextSource source = Corpora.open(write(dir.resolve("a.txt"), "1\n\n2"));
        assertThat(read(source)).isEqualTo(read(source)).containsExactly("1", "2");
    }

    @Test
    void pathsAreNeverTakenForGlobs() {
        Path literal = write(dir.resolve("a[1].txt"), "literal");
        write(dir.resolve("a1.txt"), "glob match");
        assertThat(read(Corpora.open(literal))).containsExactly("literal");
        assertThat(read(Corpora.open(dir + "/a[1].txt"))).containsExactly("glob match");
    }
}
