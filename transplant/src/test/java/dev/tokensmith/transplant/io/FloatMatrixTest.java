package dev.tokensmith.transplant.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FloatMatrixTest {
    private final FloatMatrix m = new FloatMatrix(3, 2, new float[] {1, 2, 3, 4, 8, 9});

    @Test
    void padsRowsToAMultipleWithZeros() {
        FloatMatrix p = m.padRows(4, FloatMatrix.Fill.ZEROS);
        assertThat(p.rows()).isEqualTo(4);
        assertThat(p.row(2)).containsExactly(8, 9);
        assertThat(p.row(3)).containsExactly(0, 0);
    }

    @Test
    void padsRowsWithTheMeanRow() {
        FloatMatrix p = m.padRows(5, FloatMatrix.Fill.MEAN);
        assertThat(p.rows()).isEqualTo(5);
        assertThat(p.row(3)).containsExactly(4, 5);
        assertThat(p.row(4)).containsExactly(4, 5);
    }

    @Test
    void leavesAnAlreadyAlignedMatrixAsItIs() {
        assertThat(m.padRows(3, FloatMatrix.Fill.MEAN).data()).containsExactly(m.data());
        assertThat(m.padRows(1, FloatMatrix.Fill.ZEROS).rows()).isEqualTo(3);
    }

    @Test
    void rejectsDataOfTheWrongLength() {
        assertThatThrownBy(() -> new FloatMatrix(2, 2, new float[3])).hasMessage("shape [2, 2] needs 4 values, got 3");
    }
}
