package dev.tokensmith.transplant.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The fidelity metrics on inputs with known answers. */
class FidelityTest {
    static final float[][] SENTENCES = {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}};

    @Test
    void anUnchangedModelIsPerfectlyFaithful() {
        Fidelity f = Fidelity.of(SENTENCES, SENTENCES, 200, 1);
        assertThat(f.sentenceCosine()).isCloseTo(1, within(1e-12));
        assertThat(f.spearman()).isCloseTo(1, within(1e-12));
    }

    @Test
    void aRotationKeepsSimilaritiesButNotEmbeddings() {
        float[][] rotated = new float[SENTENCES.length][];
        for (int i = 0; i < SENTENCES.length; i++) {
            float[] s = SENTENCES[i];
            rotated[i] = new float[] {s[1], s[2], s[0]};
        }
        Fidelity f = Fidelity.of(SENTENCES, rotated, 200, 1);
        assertThat(f.spearman()).isCloseTo(1, within(1e-12));
        assertThat(f.sentenceCosine()).isLessThan(0.6);
    }

    @Test
    void spearmanUsesAverageRanksForTies() {
        assertThat(Fidelity.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
        assertThat(Fidelity.spearman(new double[] {1, 2, 3, 4}, new double[] {40, 30, 20, 10}))
                .isCloseTo(-1, within(1e-12));
    }
}
