package dev.tokensmith.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreTokenCountsTest {
    @Test
    void builderSumsRepeatsAndSortsByUnsignedBytes() {
        PreTokenCounts counts = PreTokenCounts.builder()
                .add("b", 2)
                .add("é", 1)
                .add("a", 1)
                .add("b", 3)
                .build();

        assertThat(counts.size()).isEqualTo(3);
        assertThat(List.of(counts.token(0), counts.token(1), counts.token(2))).containsExactly("a", "b", "é");
        assertThat(counts.countOf("b")).isEqualTo(5);
        assertThat(counts.countOf("zz")).isZero();
        assertThat(counts.total()).isEqualTo(7);
    }

    @Test
    void mergeOfPartsEqualsCountingEverythingAtOnce() {
        Random random = new Random(7);
        PreTokenCounts.Builder whole = PreTokenCounts.builder();
        List<PreTokenCounts> parts = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            PreTokenCounts.Builder part = PreTokenCounts.builder();
            for (int i = 0; i < 300; i++) {
                String token = Integer.toString(random.nextInt(200), 36) + (random.nextBoolean() ? "ä" : "");
                long count = 1 + random.nextInt(1000);
                part.add(token, count);
                whole.add(token, count);
            }
            parts.add(part.build());
        }

        assertThat(PreTokenCounts.mergeAll(parts)).isEqualTo(whole.build());
        assertThat(parts.get(0).merge(PreTokenCounts.empty())).isEqualTo(parts.get(0));
    }

    @Test
    void countsAreSixtyFourBit() {
        PreTokenCounts counts = PreTokenCounts.builder()
                .add("x", Integer.MAX_VALUE)
                .add("x", Integer.MAX_VALUE)
                .build();
        assertThat(counts.count(0)).isEqualTo(2L * Integer.MAX_VALUE);
    }

    @Test
    void sortedAppenderRejectsOutOfOrderEntries() {
        PreTokenCounts.SortedAppender appender = PreTokenCounts.sortedAppender().add("b".getBytes(), 1);
        assertThatThrownBy(() -> appender.add("a".getBytes(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of order");
    }
}
