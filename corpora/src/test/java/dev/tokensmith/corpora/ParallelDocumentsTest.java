package dev.tokensmith.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelDocumentsTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryDocumentOfEveryPartOnce() throws IOException {
        for (int f = 0; f < 7; f++) {
            StringBuilder text = new StringBuilder();
            for (int d = 0; d < 3000; d++) {
                text.append("file ").append(f).append(" document ").append(d).append("\n\n");
            }
            Files.writeString(dir.resolve("f" + f + ".txt"), text);
        }
        TextSource source = Corpora.open(dir.toString());
        List<String> sequential;
        try (Stream<String> docs = source.documents()) {
            sequential = docs.toList();
        }
        try (Stream<String> docs = ParallelDocuments.of(source, 3)) {
            assertThat(docs.toList()).hasSize(21_000).containsExactlyInAnyOrderElementsOf(sequential);
        }
    }

    @Test
    void endsWhenTheLastReaderFinishesWhileTheQueueIsFull() throws IOException {
        for (int f = 0; f < 40; f++) {
            Files.writeString(dir.resolve("g" + f + ".txt"), ("x".repeat(1 << 20) + "\n\n").repeat(3));
        }
        TextSource source = Corpora.open(dir.toString());
        try (Stream<String> docs = ParallelDocuments.of(source, 8)) {
            java.util.Iterator<String> it = docs.iterator();
            long n = 0;
            try {
                Thread.sleep(500); // let every reader finish and fill the queue before anything is taken
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            while (it.hasNext()) {
                it.next();
                n++;
            }
            assertThat(n).isEqualTo(120);
        }
    }

    @Test
    void aFailingPartFailsTheStreamWithItsMessage() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "fine\n\nalso fine");
        Path bad = Files.write(dir.resolve("b.txt"), new byte[] {'x', (byte) 0xFF});
        TextSource source = Corpora.open(dir.toString());
        assertThatThrownBy(() -> {
                    try (Stream<String> docs = ParallelDocuments.of(source, 2)) {
                        docs.count();
                    }
                })
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining(bad.getFileName().toString());
    }
}
