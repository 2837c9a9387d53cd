package dev.tokensmith.corpora.mix;

import static dev.tokensmith.corpora.mix.ByteSampleTest.SAMPLE;
import static dev.tokensmith.corpora.mix.ByteSampleTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.corpora.TextSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitTest {
    private final List<String> docs = read(SAMPLE.category("code/c"));

    @Test
    void thePartsAreDisjointAndTogetherAreTheSourceInOrder() {
        Split split = Split.of(ByteSampleTest.of("c", docs), 0.2, 5);
        List<String> train = read(split.train());
        List<String> heldOut = read(split.heldOut());
        Set<String> overlap = new HashSet<>(train);
        overlap.retainAll(heldOut);
        assertThat(overlap).isEmpty();
        assertThat(train.size() + heldOut.size()).isEqualTo(docs.size());
        assertThat(docs).containsSubsequence(heldOut).containsSubsequence(train);
        assertThat((double) heldOut.size() / docs.size()).isBetween(0.15, 0.25);
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        TextSource source = ByteSampleTest.of("c", docs);
        assertThat(read(Split.of(source, 0.2, 5).heldOut()))
                .isEqualTo(read(Split.of(source, 0.2, 5).heldOut()));
        assertThat(read(Split.of(source, 0.2, 6).heldOut()))
                .isNotEqualTo(read(Split.of(source, 0.2, 5).heldOut()));
    }

    @Test
    void reorderingTheSourceMovesNoDocumentToTheOtherSide() {
        List<String> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(3));
        Set<String> a = new HashSet<>(
                read(Split.of(ByteSampleTest.of("c", docs), 0.3, 9).heldOut()));
        Set<String> b = new HashSet<>(
                read(Split.of(ByteSampleTest.of("c", shuffled), 0.3, 9).heldOut()));
        assertThat(b).isEqualTo(a);
    }

    @Test
    void duplicatesLandOnTheSameSide() {
        List<String> twice = new ArrayList<>(docs);
        twice.addAll(docs);
        Split split = Split.of(ByteSampleTest.of("c", twice), 0.5, 1);
        Set<String> train = new HashSet<>(read(split.train()));
        assertThat(read(split.heldOut())).noneMatch(train::contains);
    }

    @Test
    void fractionsZeroAndOneHoldNothingAndEverythingOut() {
        TextSource source = ByteSampleTest.of("c", docs);
        assertThat(read(Split.of(source, 0, 1).heldOut())).isEmpty();
        assertThat(read(Split.of(source, 1, 1).heldOut())).isEqualTo(docs);
        assertThat(read(Split.of(source, 1, 1).train())).isEmpty();
    }
}
