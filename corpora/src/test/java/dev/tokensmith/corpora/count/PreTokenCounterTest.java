package dev.tokensmith.corpora.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.normalizer.Nfkc;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.pretokenizer.WhitespaceSplit;
import dev.tokensmith.core.text.Utf8;
import dev.tokensmith.core.train.PreTokenCounts;
import dev.tokensmith.core.train.PreTokenCountsFile;
import dev.tokensmith.core.train.PreTokenCountsMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreTokenCounterTest {
    private static final PreTokenizer GPT2 = new ByteLevel(false, true, true);
    private static final List<String> DOCS = CorpusSample.documents(30_000);

    @TempDir
    Path dir;

    private static PreTokenCounter.Builder gpt2() {
        return PreTokenCounter.builder(null, GPT2);
    }

    @Test
    void parallelCountEqualsANaiveSingleThreadedCount() throws IOException {
        PreTokenCounts counts = gpt2().threads(3).batchChars(2_000).build().count(DOCS);

        assertThat(counts).isEqualTo(NaiveCount.count(null, GPT2, DOCS));
    }

    @Test
    void threadCountsOneToFourGiveIdenticalCounts() throws IOException {
        PreTokenCounts one = gpt2().threads(1).build().count(DOCS);
        for (int threads = 2; threads <= 4; threads++) {
            assertThat(gpt2().threads(threads).batchChars(1_000).build().count(DOCS))
                    .as("%d threads", threads)
                    .isEqualTo(one);
        }
    }

    @Test
    void aTinyMemoryBudgetSpillsRunsAndGivesIdenticalCounts() throws IOException {
        PreTokenCounts inMemory = gpt2().threads(2).build().count(DOCS);
        Path out = dir.resolve("spilled.bin");

        PreTokenCounter.Summary summary = gpt2().threads(2)
                .memoryBudget(64 * 1024)
                .tempDirectory(dir)
                .build()
                .countToFile(DOCS, out, PreTokenCountsMetadata.empty());

        assertThat(summary.spills()).isGreaterThan(2);
        assertThat(PreTokenCountsFile.read(out)).isEqualTo(inMemory);
        assertThat(summary.distinct()).isEqualTo(inMemory.size());
        assertThat(summary.total()).isEqualTo(inMemory.total());
        assertThat(gpt2().threads(2)
                        .memoryBudget(64 * 1024)
                        .tempDirectory(dir)
                        .build()
                        .count(DOCS))
                .isEqualTo(inMemory);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("run files are deleted").containsExactly(out);
        }
    }

    @Test
    void moreRunsThanTheMergeFanInAreMergedInRounds() throws IOException {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < CountingRun.MAX_FAN_IN + 40; i++) {
            // one pre-token a document, and a budget that spills after every one
            docs.add(i % 3 == 0 ? "same" : Integer.toString(i, 36).replaceAll("[0-9]", "x"));
        }
        PreTokenCounter.Summary summary = gpt2().memoryBudget(1)
                .tempDirectory(dir)
                .build()
                .countToFile(docs, dir.resolve("out.bin"), PreTokenCountsMetadata.empty());

        assertThat(summary.spills()).isGreaterThan(CountingRun.MAX_FAN_IN);
        assertThat(PreTokenCountsFile.read(dir.resolve("out.bin"))).isEqualTo(NaiveCount.count(null, GPT2, docs));
    }

    @Test
    void mergingCountsFilesEqualsCountingTheConcatenation() throws IOException {
        List<String> a = DOCS.subList(0, DOCS.size() / 3);
        List<String> b = DOCS.subList(DOCS.size() / 3, DOCS.size() / 2);
        List<String> c = DOCS.subList(DOCS.size() / 2, DOCS.size());
        PreTokenCounter counter = PreTokenCounter.builder(new Nfkc(), new WhitespaceSplit())
                .threads(2)
                .build();
        List<Path> files = new ArrayList<>();
        for (List<String> part : List.of(a, b, c)) {
            Path f = dir.resolve("part" + files.size() + ".bin");
            counter.countToFile(part, f, counter.metadata("char-level"));
            files.add(f);
        }
        Path merged = dir.resolve("merged.bin");

        long distinct = PreTokenCountsMerger.mergeFiles(files, merged, PreTokenCountsMerger.mergedMetadata(files));

        PreTokenCounts whole = counter.count(DOCS);
        assertThat(PreTokenCountsFile.read(merged)).isEqualTo(whole);
        assertThat(distinct).isEqualTo(whole.size());
        assertThat(PreTokenCountsMerger.mergeToMemory(files)).isEqualTo(whole);
        assertThat(PreTokenCountsFile.metadata(merged).template()).isEqualTo("char-level");
    }

    @Test
    void countsOfDifferentPipelinesAreNotMerged() throws IOException {
        Path charLevel = dir.resolve("char.bin");
        Path byteLevel = dir.resolve("byte.bin");
        PreTokenCounter chars =
                PreTokenCounter.builder(new Nfkc(), new WhitespaceSplit()).build();
        chars.countToFile(List.of("a b"), charLevel, chars.metadata("char-level"));
        gpt2().build().countToFile(List.of("a b"), byteLevel, gpt2().build().metadata("byte-level"));

        assertThatThrownBy(() -> PreTokenCountsMerger.mergeFiles(
                        List.of(charLevel, byteLevel), dir.resolve("m.bin"), PreTokenCountsMetadata.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(byteLevel + ": counted with another normalizer or pre-tokenizer");
        assertThat(dir.resolve("m.bin")).doesNotExist();
    }

    @Test
    void inputsOfAllShapesCountAlike() throws IOException {
        PreTokenCounter counter = gpt2().threads(2).build();
        PreTokenCounts expected = counter.count(DOCS);
        List<CharSequence> builders =
                DOCS.stream().map(d -> (CharSequence) new StringBuilder(d)).toList();

        assertThat(counter.count(DOCS.stream())).isEqualTo(expected);
        assertThat(counter.count(DOCS.iterator())).isEqualTo(expected);
        assertThat(counter.count(builders)).isEqualTo(expected);
    }

    @Test
    void progressReportsIncreasingByteCountsEndingAtTheInputSize() throws IOException {
        List<Long> seen = new CopyOnWriteArrayList<>();
        PreTokenCounter.Summary summary = gpt2().threads(3)
                .batchChars(5_000)
                .progress(seen::add)
                .build()
                .countToFile(DOCS, dir.resolve("p.bin"), PreTokenCountsMetadata.empty());

        long inputBytes = DOCS.stream().mapToLong(Utf8::length).sum();
        assertThat(seen).isSorted().hasSizeGreaterThan(3);
        assertThat(seen.getLast()).isEqualTo(inputBytes);
        assertThat(summary.bytes()).isEqualTo(inputBytes);
        assertThat(summary.documents()).isEqualTo(DOCS.size());
    }

    @Test
    void loneSurrogatesCountAsReplacementCharactersOnBothPaths() throws IOException {
        List<String> docs = List.of("a\uD800b c\uDC00", "\uD83D\uDE00 ok", "\uDBFF");
        PreTokenCounts fast = gpt2().build().count(docs);

        assertThat(gpt2().generalPathOnly().build().count(docs)).isEqualTo(fast);
        assertThat(fast)
                .isEqualTo(NaiveCount.count(null, GPT2, List.of("a\uFFFDb c\uFFFD", "\uD83D\uDE00 ok", "\uFFFD")));
    }

    @Test
    void noDocumentsAndEmptyDocumentsGiveNoPreTokens() throws IOException {
        assertThat(gpt2().threads(2).build().count(List.of())).isEqualTo(PreTokenCounts.empty());
        assertThat(PreTokenCounter.builder(new Nfkc(), null).build().count(List.of("", "", "x")))
                .isEqualTo(PreTokenCounts.builder().add("x", 1).build());
    }

    @Test
    void aFailingSourceFailsTheCountAndLeavesNoOutput() {
        Iterator<String> failing = new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public String next() {
                if (++n > 50) {
                    throw new UncheckedIOException(new IOException("disk on fire"));
                }
                return "some text " + n;
            }
        };
        Path out = dir.resolve("never.bin");

        assertThatThrownBy(() -> gpt2().threads(2)
                        .batchChars(10)
                        .build()
                        .countToFile(failing, out, PreTokenCountsMetadata.empty()))
                .hasMessageContaining("disk on fire");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFailingSpillInAWorkerFailsTheCount() {
        Path missing = dir.resolve("no-such-dir");

        assertThatThrownBy(() -> gpt2().threads(2)
                        .memoryBudget(1)
                        .tempDirectory(missing)
                        .build()
                        .count(DOCS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-dir");
    }
}
