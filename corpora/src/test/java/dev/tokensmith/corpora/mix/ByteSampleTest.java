package dev.tokensmith.corpora.mix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.Utf8;
import dev.tokensmith.corpora.Corpus;
import dev.tokensmith.corpora.SampleCorpus;
import dev.tokensmith.corpora.TextSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ByteSampleTest {
    static final Corpus SAMPLE = SampleCorpus.open();

    static List<String> read(TextSource source) {
        try (Stream<String> docs = source.documents()) {
            return docs.toList();
        }
    }

    static long bytes(List<String> docs) {
        return docs.stream().mapToLong(Utf8::length).sum();
    }

    /** A source over documents held in memory. */
    static TextSource of(String name, List<String> docs) {
        return new TextSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public java.util.OptionalLong sizeBytes() {
                return java.util.OptionalLong.empty();
            }

            @Override
            public Stream<String> documents() {
                return docs.stream();
            }
        };
    }

    @Test
    void theSameSeedGivesTheSameBytesAndTheTargetExactly() {
        TextSource de = SAMPLE.category("nl/de");
        List<String> first = read(ByteSample.of(de, 50_000, 7));
        List<String> again = read(ByteSample.of(de, 50_000, 7));
        assertThat(again).isEqualTo(first);
        assertThat(bytes(first)).isEqualTo(50_000);
    }

    @Test
    void anotherSeedGivesAnotherSample() {
        TextSource code = SAMPLE.category("code/python");
        assertThat(read(ByteSample.of(code, 30_000, 1))).isNotEqualTo(read(ByteSample.of(code, 30_000, 2)));
    }

    @Test
    void theSampleKeepsTheSourceOrderAndTakesDocumentsWhole_butTheLastOne() {
        TextSource en = SAMPLE.category("nl/en");
        List<String> all = read(en);
        List<String> sample = read(ByteSample.of(en, 40_000, 3));
        List<String> whole = sample.stream().filter(all::contains).toList();
        assertThat(sample.size() - whole.size()).isLessThanOrEqualTo(1);
        assertThat(whole).isSubsetOf(all);
        List<Integer> positions = whole.stream().map(all::indexOf).toList();
        assertThat(positions).isSorted();
    }

    @Test
    void theChoiceDoesNotDependOnTheSourceOrder() {
        List<String> docs = read(SAMPLE.category("code/go"));
        List<String> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(5));
        List<String> a = new ArrayList<>(read(ByteSample.of(of("go", docs), 25_000, 11)));
        List<String> b = new ArrayList<>(read(ByteSample.of(of("go", shuffled), 25_000, 11)));
        Collections.sort(a);
        Collections.sort(b);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void theLastDocumentIsCutAtACharacterBoundary() {
        TextSource source = of("t", List.of("ab", "€€€€"));
        // keys decide which comes first; any target that cuts "€€€€" after 1 or 2 bytes of a character loses them
        for (long target = 0; target <= 14; target++) {
            List<String> docs = read(ByteSample.of(source, target, 0));
            long got = bytes(docs);
            assertThat(got)
                    .as("target " + target)
                    .isBetween(Math.max(0, Math.min(target, 14) - 2), Math.min(target, 14));
            assertThat(String.join("", docs)).doesNotContain("\ufffd");
        }
    }

    @Test
    void wholeDocumentModeKeepsTheLastDocumentWhole() {
        TextSource ru = SAMPLE.category("nl/ru");
        List<String> all = read(ru);
        List<String> sample = read(ByteSample.of(ru, 30_000, 9, ByteSample.Cut.WHOLE_DOCUMENT));
        assertThat(all).containsAll(sample);
        assertThat(bytes(sample)).isGreaterThanOrEqualTo(30_000);
        long largest = all.stream().mapToLong(Utf8::length).max().orElseThrow();
        assertThat(bytes(sample)).isLessThan(30_000 + largest);
    }

    @Test
    void aTargetAboveTheSourceSizeTakesEverything() {
        var ar = SAMPLE.category("nl/ar");
        ByteSample sample = ByteSample.of(ar, 10_000_000, 1);
        assertThat(read(sample)).isEqualTo(read(ar));
        assertThat(sample.sourceBytes()).isEqualTo(ar.statedBytes().orElseThrow());
        assertThat(read(ByteSample.of(ar, 0, 1))).isEmpty();
    }
}
