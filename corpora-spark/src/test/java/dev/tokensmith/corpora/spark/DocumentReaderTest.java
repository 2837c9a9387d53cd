package dev.tokensmith.corpora.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.corpora.Corpora;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
    @TempDir
    Path dir;

    @Test
    void documentsAreRunsOfNonBlankLinesJoinedWithNewlines() throws IOException {
        String text = "\n\nfirst line\nsecond line\n\n\n\nnext doc\r\nwith CRLF\r\n\r\nlast, no final newline";
        assertThat(readWhole(text))
                .containsExactly("first line\nsecond line", "next doc\r\nwith CRLF\r", "last, no final newline");
    }

    @Test
    void whiteSpaceOnlyLinesAreNotBlank() throws IOException {
        assertThat(readWhole("a\n  \nb\n\nc\n")).containsExactly("a\n  \nb", "c");
    }

    @Test
    void emptyAndBlankOnlyInputsHoldNoDocuments() throws IOException {
        assertThat(readWhole("")).isEmpty();
        assertThat(readWhole("\n\n\r\n\n")).isEmpty();
    }

    @Test
    void byteRangeSplitsTogetherYieldEachDocumentOnceInOrder() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            String text = randomText(random);
            List<String> whole = readWhole(text);
            assertThat(whole).isEqualTo(referenceDocuments(text));
            if (round % 10 == 0) {
                Path file = Files.writeString(dir.resolve("r" + round + ".txt"), text);
                try (Stream<String> docs = Corpora.open(file).documents()) {
                    assertThat(whole).as("as the corpora module reads it").isEqualTo(docs.toList());
                }
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int splitBytes : new int[] {1, 2, 3, 5, 8, 13, 40}) {
                List<String> joined = new ArrayList<>();
                for (long start = 0; start < bytes.length; start += splitBytes) {
                    long end = start + splitBytes >= bytes.length ? Long.MAX_VALUE : start + splitBytes;
                    joined.addAll(read(bytes, start, end));
                }
                assertThat(joined)
                        .as("split size %d of %s", splitBytes, text.replace("\n", "⏎"))
                        .isEqualTo(whole);
            }
        }
    }

    @Test
    void aByteOrderMarkAtTheStartIsDropped() throws IOException {
        assertThat(readWhole("\uFEFFa\n\nb")).containsExactly("a", "b");
    }

    @Test
    void invalidUtf8NamesTheFileAndTheDocument() {
        byte[] bytes = {'o', 'k', '\n', '\n', 'b', 'a', (byte) 0xC3, 'd', '\n'};
        assertThatThrownBy(() -> read(bytes, 0, Long.MAX_VALUE))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("test.txt: invalid UTF-8 in the document starting at byte 4");
    }

    private static String randomText(Random random) {
        String[] pieces = {"a", "bc", "déjà", "日本", "😀", " ", "\n", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n\n\n"};
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    /** The definition, on a whole string. */
    private static List<String> referenceDocuments(String text) {
        List<String> docs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String l = line;
            if (l.isEmpty() || l.equals("\r")) {
                if (!current.isEmpty()) {
                    docs.add(String.join("\n", current));
                    current.clear();
                }
            } else {
                current.add(l);
            }
        }
        if (!current.isEmpty()) {
            docs.add(String.join("\n", current));
        }
        return docs;
    }

    private static List<String> readWhole(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), 0, Long.MAX_VALUE);
    }

    private static List<String> read(byte[] bytes, long start, long end) throws IOException {
        int from = start == 0 ? 0 : (int) start - 1;
        List<String> docs = new ArrayList<>();
        try (DocumentReader r = new DocumentReader(
                new ByteArrayInputStream(bytes, from, bytes.length - from), "test.txt", start, end)) {
            for (String d = r.next(); d != null; d = r.next()) {
                docs.add(d);
            }
        }
        return docs;
    }
}
