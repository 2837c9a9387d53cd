package dev.tokensmith.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void theMedianOfAnOddCountIsTheMiddleSample() {
        assertThat(Summary.of(new double[] {5, 1, 3})).isEqualTo(new Summary(3, 1, 5));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Summary.of(new double[] {4, 1, 10, 2})).isEqualTo(new Summary(3, 1, 10));
    }

    @Test
    void oneSampleIsItsOwnMedianMinimumAndMaximum() {
        assertThat(Summary.of(new double[] {7.5})).isEqualTo(new Summary(7.5, 7.5, 7.5));
    }

    @Test
    void theSamplesAreLeftInTheirOrder() {
        double[] samples = {3, 1, 2};
        Summary.of(samples);
        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void noSamplesHaveNoSummary() {
        assertThatThrownBy(() -> Summary.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
