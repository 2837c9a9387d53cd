package dev.tokensmith.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.normalizer.Nfkc;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreTokenCountsFileTest {
    @TempDir
    Path dir;

    private static PreTokenCounts random(long seed, int n) {
        Random random = new Random(seed);
        PreTokenCounts.Builder b = PreTokenCounts.builder();
        String[] alphabet = {"a", "b", "Ġ", "é", "语", "😀", "\u0000", "ÿ"};
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(8);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            b.add(sb.toString(), 1 + random.nextInt(1000));
        }
        return b.build();
    }

    @Test
    void roundTripKeepsEntriesAndMetadata() throws IOException {
        PreTokenCounts counts = random(1, 5000);
        PreTokenCountsMetadata meta = PreTokenCountsMetadata.forPipeline(
                        "byte-level", new Nfkc(), new ByteLevel(false, true, true))
                .withCorpora(List.of(new PreTokenCountsMetadata.Corpus("en.txt", 1234, "ab12")))
                .withTokensmithVersion("0.1.0")
                .withProperty("engine", "local");
        Path file = dir.resolve("c.bin");

        PreTokenCountsFile.write(file, counts, meta);

        assertThat(PreTokenCountsFile.read(file)).isEqualTo(counts);
        assertThat(PreTokenCountsFile.metadata(file)).isEqualTo(meta);
    }

    @Test
    void emptyCountsRoundTrip() throws IOException {
        Path file = dir.resolve("empty.bin");
        PreTokenCountsFile.write(file, PreTokenCounts.empty(), PreTokenCountsMetadata.empty());

        assertThat(PreTokenCountsFile.read(file)).isEqualTo(PreTokenCounts.empty());
        try (PreTokenCountsReader r = PreTokenCountsFile.open(file)) {
            assertThat(r.entryCount()).isZero();
            assertThat(r.total()).isZero();
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void countsBeyondThirtyTwoBitsAndNonAsciiRoundTrip() throws IOException {
        PreTokenCounts counts = PreTokenCounts.builder()
                .add("", 0)
                .add("Ġthe", (1L << 40) + 3)
                .add("日本語", Long.MAX_VALUE / 4)
                .add("😀", 5_000_000_000L)
                .add("ÄÖÜ", 1)
                .build();
        Path file = dir.resolve("big.bin");

        PreTokenCountsFile.write(file, counts, PreTokenCountsMetadata.empty());

        PreTokenCounts back = PreTokenCountsFile.read(file);
        assertThat(back).isEqualTo(counts);
        assertThat(back.countOf("Ġthe")).isEqualTo((1L << 40) + 3);
        assertThat(back.countOf("日本語")).isEqualTo(Long.MAX_VALUE / 4);
    }

    @Test
    void streamingReaderYieldsEntriesInOrderWithTrailerTotals() throws IOException {
        PreTokenCounts counts = random(2, 300);
        Path file = dir.resolve("s.bin");
        PreTokenCountsFile.write(file, counts, PreTokenCountsMetadata.empty());

        List<String> tokens = new ArrayList<>();
        try (PreTokenCountsReader r = PreTokenCountsFile.open(file)) {
            assertThat(r.entryCount()).isEqualTo(counts.size());
            assertThat(r.total()).isEqualTo(counts.total());
            while (r.next()) {
                assertThat(r.count()).isEqualTo(counts.count(tokens.size()));
                tokens.add(r.keyString());
            }
        }
        assertThat(tokens).hasSize(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            assertThat(tokens.get(i)).isEqualTo(counts.token(i));
        }
    }

    @Test
    void frontCodingMakesSharedPrefixesCheap() throws IOException {
        PreTokenCounts.Builder b = PreTokenCounts.builder();
        for (int i = 0; i < 1000; i++) {
            b.add("a-long-common-prefix-" + String.format("%04d", i), 1);
        }
        Path file = dir.resolve("prefix.bin");
        PreTokenCountsFile.write(file, b.build(), PreTokenCountsMetadata.empty());

        // 1000 keys of 25 bytes would take 25 kB plainly; front coding keeps about 4 suffix bytes each
        assertThat(Files.size(file)).isLessThan(8_000);
    }

    @Test
    void writerRejectsOutOfOrderAndDuplicateEntriesAndLeavesNoFile() throws IOException {
        Path file = dir.resolve("bad.bin");
        try (PreTokenCountsWriter w = PreTokenCountsFile.writer(file, PreTokenCountsMetadata.empty())) {
            w.add("b", 1);
            assertThatThrownBy(() -> w.add("a", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad.bin")
                    .hasMessageContaining("out of order");
            assertThatThrownBy(() -> w.add("b", 1)).hasMessageContaining("out of order");
            // unsigned order: 0xC3 (é) sorts after 'z'
            w.add("z", 1).add("é", 1);
        }
        assertThat(file).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void finishedFileReplacesTargetAtomically() throws IOException {
        Path file = dir.resolve("c.bin");
        Files.writeString(file, "old");
        try (PreTokenCountsWriter w = PreTokenCountsFile.writer(file, PreTokenCountsMetadata.empty())) {
            w.add("x", 2);
            assertThat(Files.readString(file)).isEqualTo("old");
            w.finish();
        }
        assertThat(PreTokenCountsFile.read(file).countOf("x")).isEqualTo(2);
    }

    @Test
    void everyTruncationIsDetectedWithTheFileNamed() throws IOException {
        Path file = dir.resolve("t.bin");
        PreTokenCountsFile.write(file, random(3, 50), PreTokenCountsMetadata.empty());
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.bin");
        for (int length = 0; length < whole.length; length++) {
            Files.write(cut, Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> PreTokenCountsFile.read(cut))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(PreTokenCountsFormatException.class)
                    .hasMessageStartingWith(cut + ": ")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void everySingleBitFlipIsDetected() throws IOException {
        Path file = dir.resolve("f.bin");
        PreTokenCountsFile.write(
                file, random(4, 40), PreTokenCountsMetadata.empty().withProperty("k", "v"));
        byte[] whole = Files.readAllBytes(file);
        Path bad = dir.resolve("flipped.bin");
        for (int i = 0; i < whole.length; i++) {
            byte[] copy = whole.clone();
            copy[i] ^= (byte) (1 << (i % 8));
            Files.write(bad, copy);
            assertThatThrownBy(() -> PreTokenCountsFile.read(bad))
                    .as("bit flipped in byte %d", i)
                    .isInstanceOf(PreTokenCountsFormatException.class)
                    .hasMessageStartingWith(bad + ": ");
        }
    }

    @Test
    void streamingReaderReportsCorruptionAtTheEndAtTheLatest() throws IOException {
        Path file = dir.resolve("late.bin");
        PreTokenCountsFile.write(file, random(5, 20), PreTokenCountsMetadata.empty());
        byte[] whole = Files.readAllBytes(file);
        // the last count's lowest bits: still a valid entry, only the checksum and total can tell
        whole[whole.length - PreTokenCountsFile.TRAILER_BYTES - 1] ^= 1;
        Files.write(file, whole);

        assertThatThrownBy(() -> PreTokenCountsFile.verify(file)).hasMessage(file + ": corrupted (checksum mismatch)");
    }

    @Test
    void otherFilesAndVersionsAreRejectedClearly() throws IOException {
        Path text = dir.resolve("text.bin");
        Files.writeString(text, "this is not a counts file, just some text long enough");
        assertThatThrownBy(() -> PreTokenCountsFile.read(text))
                .hasMessage(text + ": not a pre-token counts file (bad magic number)");

        Path file = dir.resolve("v.bin");
        PreTokenCountsFile.write(file, random(6, 5), PreTokenCountsMetadata.empty());
        byte[] bytes = Files.readAllBytes(file);
        bytes[9] = 2;
        Files.write(file, bytes);
        assertThatThrownBy(() -> PreTokenCountsFile.read(file))
                .hasMessage(file + ": unsupported version 2 (this reader reads 1)");

        Path missing = dir.resolve("missing.bin");
        assertThatThrownBy(() -> PreTokenCountsFile.read(missing)).hasMessageContaining("missing.bin");
    }

    @Test
    void sameEntriesAndMetadataGiveIdenticalBytes() throws IOException {
        PreTokenCounts counts = random(7, 100);
        PreTokenCountsMetadata meta = new PreTokenCountsMetadata(
                "char-level", "{ \"type\": \"NFKC\" }", null, List.of(), "x", Map.of("b", "2", "a", "1"));
        Path one = dir.resolve("one.bin");
        Path two = dir.resolve("two.bin");
        PreTokenCountsFile.write(one, counts, meta);
        PreTokenCountsFile.write(
                two, PreTokenCounts.builder().addAll(counts).build(), PreTokenCountsFile.metadata(one));

        assertThat(Files.readAllBytes(two)).isEqualTo(Files.readAllBytes(one));
    }
}
