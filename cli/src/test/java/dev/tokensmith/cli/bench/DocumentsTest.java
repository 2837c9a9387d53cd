package dev.tokensmith.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    @Test
    void documentsAreSeparatedByBlankLines() {
        assertThat(Documents.byBlankLines("one\ntwo\n\nthree\n")).containsExactly("one\ntwo", "three");
    }

    @Test
    void severalBlankLinesAndWhitespaceOnlyLinesSeparateOnce() {
        assertThat(Documents.byBlankLines("a\n\n\n  \t\n\nb\n \nc")).containsExactly("a", "b", "c");
    }

    @Test
    void leadingAndTrailingBlankLinesMakeNoEmptyDocuments() {
        assertThat(Documents.byBlankLines("\n\n  a\n\n")).containsExactly("  a");
        assertThat(Documents.byBlankLines("")).isEmpty();
        assertThat(Documents.byBlankLines("\n \n")).isEmpty();
    }

    @Test
    void carriageReturnsStayInsideDocumentsAndLinesOfOnlyOneAreBlank() {
        assertThat(Documents.byBlankLines("a\r\nb\r\n\r\nc\r\n")).containsExactly("a\r\nb\r", "c\r");
    }

    @Test
    void byLinesKeepsEveryNonEmptyLineWithItsCarriageReturn() {
        assertThat(Documents.byLines("a\r\n\nb\n c\n")).containsExactly("a\r", "b", " c");
    }

    @Test
    void joiningKeepsDocumentsWholeUpToTheCap() {
        // "aaaa" + "\n\n" + "bbbb" is 10 bytes: fits a cap of 10, not of 9.
        assertThat(Documents.joined(List.of("aaaa", "bbbb", "cc"), 10)).containsExactly("aaaa\n\nbbbb", "cc");
        assertThat(Documents.joined(List.of("aaaa", "bbbb", "cc"), 9)).containsExactly("aaaa", "bbbb\n\ncc");
    }

    @Test
    void aDocumentLongerThanTheCapIsCutAtLineBreaks() {
        assertThat(Documents.joined(List.of("a", "one\ntwo\nthree\nfour", "b"), 9))
                .containsExactly("a", "one\ntwo", "three", "four", "b");
    }

    @Test
    void aLineLongerThanTheCapStaysWhole() {
        assertThat(Documents.joined(List.of("xy\nlong line\nz"), 4)).containsExactly("xy", "long line", "z");
    }

    @Test
    void theCapCountsUtf8Bytes() {
        // "é" is two bytes: "éé" + "\n\n" + "é" is 8 bytes.
        assertThat(Documents.joined(List.of("éé", "é"), 7)).containsExactly("éé", "é");
        assertThat(Documents.joined(List.of("éé", "é"), 8)).containsExactly("éé\n\né");
    }
}
