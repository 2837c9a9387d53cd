package dev.tokensmith.corpora.mix;

import static dev.tokensmith.corpora.mix.ByteSampleTest.SAMPLE;
import static dev.tokensmith.corpora.mix.ByteSampleTest.bytes;
import static dev.tokensmith.corpora.mix.ByteSampleTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.corpora.CorpusException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixtureTest {
    @Test
    void targetsFollowTheWeightsAndAddUpToTheTotalExactly() {
        assertThat(Mixture.apportion(List.of(1, 1, 1), 100)).containsExactly(34, 33, 33);
        assertThat(Mixture.apportion(List.of(0.5, 0.3, 0.2), 1_000_001)).containsExactly(500_001, 300_000, 200_000);
        assertThat(Mixture.apportion(List.of(2, 0, 1), 10)).containsExactly(7, 0, 3);
        assertThatThrownBy(() -> Mixture.apportion(List.of(0, 0), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mixture.apportion(List.of(-1, 2), 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachCategoryContributesExactlyItsShareOfBytes() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("nl/en", 0.5);
        weights.put("nl/ja", 0.3);
        weights.put("code/rust", 0.2);
        Mixture mix = Mixture.of(SAMPLE, weights, 100_003, 42);

        // 50001.5, 30000.9, 20000.6 floored; the 2 bytes left go to the largest remainders (.9, .6)
        assertThat(mix.targets())
                .containsExactly(
                        Map.entry("nl/en", 50_001L), Map.entry("nl/ja", 30_001L), Map.entry("code/rust", 20_001L));
        for (ByteSample part : mix.parts()) {
            long got = bytes(read(part));
            // exact, but for at most 3 bytes where the last document's cut falls inside a character
            assertThat(got).as(part.name()).isBetween(part.targetBytes() - 3, part.targetBytes());
        }
        List<String> all = read(mix);
        assertThat(bytes(all)).isBetween(100_003L - 9, 100_003L);
        assertThat(read(mix)).isEqualTo(all);
    }

    @Test
    void aCategoryTooSmallForItsShareIsAnError() {
        assertThatThrownBy(() -> Mixture.of(SAMPLE, Map.of("nl/ar", 1.0), 50_000_000, 1))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("but the mixture needs 50000000 from it");
    }

    @Test
    void anUnorderedWeightMapIsTakenInNameOrder() {
        Mixture mix = Mixture.of(SAMPLE, Map.of("nl/ko", 1, "code/go", 1, "nl/el", 1), 3_000, 5);
        assertThat(mix.targets().keySet()).containsExactly("code/go", "nl/el", "nl/ko");
    }
}
