package dev.tokensmith.corpora;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.Utf8;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleCorpusTest {
    private final Corpus sample = SampleCorpus.open();

    @Test
    void holdsSeveralLanguagesSourceCodeAndDomains() {
        List<String> names = sample.categories().stream().map(Category::name).toList();
        assertThat(names).contains("nl/en", "nl/de", "nl/ja", "nl/ar", "code/python", "code/java", "udhr");
        assertThat(names.stream().filter(n -> n.startsWith("nl/"))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(names.stream().filter(n -> n.startsWith("code/"))).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void neverHoldsTheCategoriesUnderResearchOnlyNotices() {
        assertThat(sample.categories())
                .extracting(Category::name)
                .noneMatch(n -> n.contains("finance-accounting")
                        || n.contains("news-1961")
                        || n.contains("science-learned")
                        || n.contains("literature-books"));
    }

    @Test
    void everyCategoryStatesItsLicenceAndItsStatedSizesAreWhatItHolds() {
        long total = 0;
        for (Category c : sample.categories()) {
            assertThat(c.license()).as(c.name()).isPresent();
            long bytes = 0;
            long documents = 0;
            try (Stream<String> docs = c.documents()) {
                for (String d : (Iterable<String>) docs::iterator) {
                    bytes += Utf8.length(d);
                    documents++;
                }
            }
            assertThat(bytes).as(c.name()).isEqualTo(c.statedBytes().orElseThrow());
            assertThat(documents).as(c.name()).isEqualTo(c.statedDocuments().orElseThrow());
            total += bytes;
        }
        assertThat(total).as("a few MB").isBetween(2_000_000L, 6_000_000L);
    }
}
