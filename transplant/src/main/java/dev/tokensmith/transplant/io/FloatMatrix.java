package dev.tokensmith.transplant.io;

import java.util.Arrays;

/**
 * A dense float32 matrix in row-major order: the form in which embedding tables enter and leave model files.
 *
 * <p>This is the seam between model I/O and the embedding math: readers produce it and writers consume it, so
 * adopting another matrix type means converting here only. Row {@code r} occupies {@code data[r * cols, (r +
 * 1) * cols)}. The array is shared, not copied.
 *
 * <pre>{@code
 * FloatMatrix m = new FloatMatrix(2, 3, new float[] {1, 2, 3, 4, 5, 6});
 * float x = m.get(1, 2); // 6
 * FloatMatrix padded = m.padRows(8, FloatMatrix.Fill.ZEROS); // 8 rows, rows 2..7 are zero
 * }</pre>
 */
public record FloatMatrix(int rows, int cols, float[] data) {
    public FloatMatrix {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape [" + rows + ", " + cols + "]");
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(
                    "shape [" + rows + ", " + cols + "] needs " + (long) rows * cols + " values, got " + data.length);
        }
    }

    /** A zero matrix. */
    public static FloatMatrix zeros(int rows, int cols) {
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("[" + rows + ", " + cols + "] is too large for one float array");
        }
        return new FloatMatrix(rows, cols, new float[(int) n]);
    }

    public float get(int row, int col) {
        return data[row * cols + col];
    }

    /** A copy of row {@code r}. */
    public float[] row(int r) {
        return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    /** The shape as written in model files. */
    public long[] shape() {
        return new long[] {rows, cols};
    }

    /** How appended rows are filled. */
    public enum Fill {
        /** All zeros. */
        ZEROS,
        /** The mean of the existing rows (a common choice for unused vocabulary slots). */
        MEAN
    }

    /** This matrix with exactly {@code newRows >= rows} rows, the new ones filled as asked. */
    public FloatMatrix withRows(int newRows, Fill fill) {
        if (newRows < rows) {
            throw new IllegalArgumentException("cannot shrink " + rows + " rows to " + newRows);
        }
        FloatMatrix out = zeros(newRows, cols);
        System.arraycopy(data, 0, out.data, 0, data.length);
        if (fill == Fill.MEAN && rows > 0 && newRows > rows) {
            double[] sum = new double[cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0, base = r * cols; c < cols; c++) {
                    sum[c] += data[base + c];
                }
            }
            float[] mean = new float[cols];
            for (int c = 0; c < cols; c++) {
                mean[c] = (float) (sum[c] / rows);
            }
            for (int r = rows; r < newRows; r++) {
                System.arraycopy(mean, 0, out.data, r * cols, cols);
            }
        }
        return out;
    }

    /** This matrix with its row count rounded up to a multiple of {@code multiple} (vocab padding). */
    public FloatMatrix padRows(int multiple, Fill fill) {
        if (multiple <= 0) {
            throw new IllegalArgumentException("pad multiple must be positive, got " + multiple);
        }
        return withRows(roundUp(rows, multiple), fill);
    }

    /** {@code n} rounded up to a multiple of {@code multiple}. */
    public static int roundUp(int n, int multiple) {
        return (int) (((long) n + multiple - 1) / multiple * multiple);
    }
}
