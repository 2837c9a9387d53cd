package dev.tokensmith.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class FloatMatrixTest {
    @Test
    void isRowMajorOverItsArray() {
        FloatMatrix m = FloatMatrix.of(2, 3, new float[] {1, 2, 3, 4, 5, 6});
        assertThat(m.get(1, 0)).isEqualTo(4f);
        assertThat(m.row(1)).containsExactly(4, 5, 6);
        assertThat(m.rowRange(1, 2).toArray()).containsExactly(4, 5, 6);
        float[] block = new float[4];
        m.copyBlock(0, 2, 1, 2, block, 0);
        assertThat(block).containsExactly(2, 3, 5, 6);
    }

    @Test
    void wrapsNativeMemoryOfAnyAlignment() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bytes = arena.allocate(1 + 4 * Float.BYTES);
            FloatMatrix m = FloatMatrix.wrap(bytes.asSlice(1), 2, 2);
            m.set(1, 1, 7f);
            assertThat(m.toArray()).containsExactly(0, 0, 0, 7);
        }
    }

    @Test
    void rejectsWrongSizesAndShapes() {
        assertThatThrownBy(() -> FloatMatrix.of(2, 2, new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x2");
        assertThatThrownBy(() -> FloatMatrix.zeros(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FloatMatrix.ofRows(new float[2], new float[3])).hasMessageContaining("row 1");
        assertThatThrownBy(() -> FloatMatrix.zeros(2, 2).get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void parallelismRunsEveryTaskOnceAndRethrowsAFailure() {
        try (Parallelism p = Parallelism.threads(4)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(100);
            p.forEach(100, () -> null, (s, t) -> runs.incrementAndGet(t));
            for (int t = 0; t < 100; t++) {
                assertThat(runs.get(t)).isEqualTo(1);
            }
            assertThatThrownBy(() -> p.forEach(10, () -> null, (s, t) -> {
                        if (t == 7) {
                            throw new IllegalStateException("task 7");
                        }
                    }))
                    .hasMessage("task 7");
        }
        assertThat(Parallelism.serial().threads()).isEqualTo(1);
    }
}
