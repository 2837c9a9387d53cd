package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.LongIntMap;
import org.junit.jupiter.api.Test;

/** Packed or not, the table answers what the model's map of pair keys answers. */
class PairRanksTest {
    @Test
    void answersAsTheMapDoesWhetherIdsFitThePackingOrNot() {
        for (int big : new int[] {1000, 1 << 21, (1 << 24) + 5}) { // the last two do not fit 21 bits
            int[] left = {1, 7, big, 3};
            int[] right = {2, big, 4, 3};
            int[] newIds = {10, 11, 12, -1}; // the last rule does not apply
            LongIntMap ranks = new LongIntMap(8);
            for (int r = 0; r < left.length; r++) {
                if (newIds[r] >= 0) {
                    ranks.put(Bpe.pairKey(left[r], right[r]), r, -1);
                }
            }
            PairRanks table = PairRanks.of(left, right, newIds, ranks);
            for (int r = 0; r < 3; r++) {
                assertThat(table.get(left[r], right[r], -1))
                        .as("rule %d with id %d", r, big)
                        .isEqualTo(r);
            }
            assertThat(table.get(3, 3, -1)).isEqualTo(-1);
            assertThat(table.get(2, 1, -1)).isEqualTo(-1);
            assertThat(table.get(big, big, -7)).isEqualTo(-7);
        }
    }
}
