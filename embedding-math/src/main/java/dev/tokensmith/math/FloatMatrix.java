package dev.tokensmith.math;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * A dense row-major float32 matrix: {@code rows × cols} floats, row {@code r} starting at float index
 * {@code r * cols}. Backed by a {@code float[]} when it fits one, otherwise (or on request) by a
 * {@link MemorySegment}, so that a 128k × 4096 embedding table (2 GiB) or a memory-mapped tensor can be used
 * in place. Mutable, not thread-safe for concurrent writes; kernels only read their inputs.
 *
 * <pre>{@code
 * FloatMatrix m = FloatMatrix.of(2, 3, new float[] {1, 2, 3, 4, 5, 6});
 * float x = m.get(1, 2);                                   // 6
 * FloatMatrix big = FloatMatrix.allocate(Arena.ofConfined(), 131_072, 4096); // native, 2 GiB
 * }</pre>
 */
public final class FloatMatrix {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final int rows;
    private final int cols;
    private final MemorySegment segment;

    private FloatMatrix(int rows, int cols, MemorySegment segment) {
        this.rows = rows;
        this.cols = cols;
        this.segment = segment;
    }

    /** A zero matrix: on the heap when it fits a {@code float[]}, else in native memory freed by the GC. */
    public static FloatMatrix zeros(int rows, int cols) {
        long count = checkedCount(rows, cols);
        if (count <= MAX_ARRAY_LENGTH) {
            return new FloatMatrix(rows, cols, MemorySegment.ofArray(new float[(int) count]));
        }
        return allocate(Arena.ofAuto(), rows, cols);
    }

    /** A zero matrix in native memory owned by {@code arena}. */
    public static FloatMatrix allocate(Arena arena, int rows, int cols) {
        long count = checkedCount(rows, cols);
        MemorySegment segment = arena.allocate(Math.max(1, count) * Float.BYTES, Float.BYTES);
        return new FloatMatrix(rows, cols, segment.asSlice(0, count * Float.BYTES));
    }

    /** Wraps {@code data} (not copied) as a {@code rows × cols} matrix; its length must be exactly that. */
    public static FloatMatrix of(int rows, int cols, float[] data) {
        long count = checkedCount(rows, cols);
        Objects.requireNonNull(data, "data");
        if (data.length != count) {
            throw new IllegalArgumentException(
                    "a " + rows + "x" + cols + " matrix needs " + count + " floats, got " + data.length);
        }
        return new FloatMatrix(rows, cols, MemorySegment.ofArray(data));
    }

    /**
     * Wraps a segment (not copied) holding {@code rows × cols} native-order floats, row-major; e.g. a slice of
     * a memory-mapped safetensors file. Any alignment is accepted.
     */
    public static FloatMatrix wrap(MemorySegment segment, int rows, int cols) {
        long count = checkedCount(rows, cols);
        if (segment.byteSize() != count * Float.BYTES) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + count * Float.BYTES
                    + " bytes, the segment has " + segment.byteSize());
        }
        return new FloatMatrix(rows, cols, segment);
    }

    /** A copy of {@code rows} (each of the same length) as a heap matrix. */
    public static FloatMatrix ofRows(float[]... rowArrays) {
        int cols = rowArrays.length == 0 ? 0 : rowArrays[0].length;
        FloatMatrix m = zeros(rowArrays.length, cols);
        for (int r = 0; r < rowArrays.length; r++) {
            if (rowArrays[r].length != cols) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + rowArrays[r].length + " values, row 0 has " + cols);
            }
            m.setRow(r, rowArrays[r]);
        }
        return m;
    }

    private static long checkedCount(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative matrix shape " + rows + "x" + cols);
        }
        return (long) rows * cols;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The number of elements, {@code rows × cols}. */
    public long size() {
        return (long) rows * cols;
    }

    /** The backing memory: {@code size()} floats, row-major, native byte order. */
    public MemorySegment segment() {
        return segment;
    }

    public float get(int row, int col) {
        return segment.getAtIndex(FLOAT, index(row, col));
    }

    public void set(int row, int col, float value) {
        segment.setAtIndex(FLOAT, index(row, col), value);
    }

    private long index(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return (long) row * cols + col;
    }

    /** A copy of row {@code row}. */
    public float[] row(int row) {
        float[] out = new float[cols];
        copyBlock(row, 1, 0, cols, out, 0);
        return out;
    }

    public void setRow(int row, float[] values) {
        if (values.length != cols) {
            throw new IllegalArgumentException("row needs " + cols + " values, got " + values.length);
        }
        Objects.checkIndex(row, rows);
        MemorySegment.copy(values, 0, segment, FLOAT, (long) row * cols * Float.BYTES, cols);
    }

    /**
     * Copies the block of rows {@code [row, row + rowCount)} and columns {@code [col, col + colCount)} into
     * {@code dst} from {@code dstOffset}, row after row, each {@code colCount} long (the packing step of the
     * kernels).
     */
    public void copyBlock(int row, int rowCount, int col, int colCount, float[] dst, int dstOffset) {
        Objects.checkFromIndexSize(row, rowCount, rows);
        Objects.checkFromIndexSize(col, colCount, cols);
        for (int r = 0; r < rowCount; r++) {
            long from = ((long) (row + r) * cols + col) * Float.BYTES;
            MemorySegment.copy(segment, FLOAT, from, dst, dstOffset + r * colCount, colCount);
        }
    }

    /** The inverse of {@link #copyBlock}: writes {@code rowCount × colCount} values from {@code src}. */
    public void writeBlock(int row, int rowCount, int col, int colCount, float[] src, int srcOffset) {
        Objects.checkFromIndexSize(row, rowCount, rows);
        Objects.checkFromIndexSize(col, colCount, cols);
        for (int r = 0; r < rowCount; r++) {
            long to = ((long) (row + r) * cols + col) * Float.BYTES;
            MemorySegment.copy(src, srcOffset + r * colCount, segment, FLOAT, to, colCount);
        }
    }

    /** A view (shared memory) of rows {@code [from, to)}. */
    public FloatMatrix rowRange(int from, int to) {
        Objects.checkFromToIndex(from, to, rows);
        long offset = (long) from * cols * Float.BYTES;
        return new FloatMatrix(to - from, cols, segment.asSlice(offset, (long) (to - from) * cols * Float.BYTES));
    }

    /** All values as one new array, row-major; fails past {@code Integer.MAX_VALUE - 8} elements. */
    public float[] toArray() {
        if (size() > MAX_ARRAY_LENGTH) {
            throw new IllegalStateException("a " + rows + "x" + cols + " matrix does not fit one float[]");
        }
        float[] out = new float[(int) size()];
        MemorySegment.copy(segment, FLOAT, 0, out, 0, out.length);
        return out;
    }

    /** A heap copy of this matrix. */
    public FloatMatrix copy() {
        FloatMatrix c = zeros(rows, cols);
        MemorySegment.copy(segment, 0, c.segment, 0, size() * Float.BYTES);
        return c;
    }

    @Override
    public String toString() {
        return "FloatMatrix[" + rows + "x" + cols + "]";
    }
}
