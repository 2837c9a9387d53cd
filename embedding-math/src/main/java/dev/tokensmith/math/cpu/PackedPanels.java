package dev.tokensmith.math.cpu;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.Parallelism;

/**
 * op(B) packed once into the panels {@link Kernels#panelProduct} reads: its {@code cols} columns in groups of
 * {@code width}, each group {@code depth × width}, {@code p}-major and zero-padded. OMP packs its dictionary
 * this way once per call and every step of every target block reads the same copy; GEMM packs one column
 * block per task ({@link #packRows}, {@link #packColumns}) and shares it across all rows of A.
 *
 * <p>The panels live in several arrays (none past {@value #MAX_FLOATS} floats), so a dictionary larger than
 * one Java array still packs.
 */
final class PackedPanels {
    private static final int MAX_FLOATS = 1 << 28;
    private static final int PANELS_PER_TASK = 64;

    final int width;
    final int depth;
    final int cols;
    final int panels;
    private final int panelsPerArray;
    private final float[][] arrays;

    private PackedPanels(int width, int depth, int cols) {
        this.width = width;
        this.depth = depth;
        this.cols = cols;
        this.panels = BlockedGemm.ceilDiv(cols, width);
        long panelFloats = Math.max(1L, (long) depth * width);
        this.panelsPerArray = (int) Math.max(1L, MAX_FLOATS / panelFloats);
        int count = Math.max(1, BlockedGemm.ceilDiv(panels, panelsPerArray));
        this.arrays = new float[count][];
        for (int i = 0; i < count; i++) {
            int held = Math.min(panelsPerArray, panels - i * panelsPerArray);
            arrays[i] = new float[Math.toIntExact(Math.max(0L, (long) held * depth * width))];
        }
    }

    /** The rows of {@code b} as the columns of the panels: op(B) = Bᵀ, as {@code A·Bᵀ} and OMP need. */
    static PackedPanels ofRows(Kernels kernels, FloatMatrix b, Parallelism p) {
        PackedPanels packed = new PackedPanels(kernels.panelWidth(), b.cols(), b.rows());
        int tasks = BlockedGemm.ceilDiv(packed.panels, PANELS_PER_TASK);
        p.forEach(tasks, () -> new float[Math.max(1, packed.width * b.cols())], (rows, task) -> {
            int end = Math.min(packed.panels, (task + 1) * PANELS_PER_TASK);
            for (int g = task * PANELS_PER_TASK; g < end; g++) {
                int j0 = g * packed.width;
                packRows(
                        b,
                        j0,
                        Math.min(packed.width, packed.cols - j0),
                        packed.width,
                        packed.array(g),
                        packed.offset(g),
                        rows);
            }
        });
        return packed;
    }

    /** The array holding panel {@code g}. */
    float[] array(int g) {
        return arrays[g / panelsPerArray];
    }

    /** Where panel {@code g} starts in {@link #array}. */
    int offset(int g) {
        return (g % panelsPerArray) * depth * width;
    }

    /**
     * Packs rows {@code [j0, j0 + count)} of {@code b} (each {@code b.cols()} long) as the columns of
     * consecutive panels from {@code dst[at]}, zero-padding the last panel to {@code width} columns;
     * {@code rows} holds at least {@code width × b.cols()} floats. A panel's rows are copied out together and
     * then written in {@code dst}'s order, so the writes are sequential (a scatter of one row at a time
     * touches a new cache line per element).
     */
    static void packRows(FloatMatrix b, int j0, int count, int width, float[] dst, int at, float[] rows) {
        int depth = b.cols();
        for (int g0 = 0; g0 < count; g0 += width) {
            int filled = Math.min(width, count - g0);
            b.copyBlock(j0 + g0, filled, 0, depth, rows, 0);
            int o = at + (g0 / width) * depth * width;
            for (int q = 0; q < depth; q++) {
                for (int jj = 0; jj < filled; jj++) {
                    dst[o + jj] = rows[jj * depth + q];
                }
                for (int jj = filled; jj < width; jj++) {
                    dst[o + jj] = 0f;
                }
                o += width;
            }
        }
    }

    /**
     * Packs columns {@code [j0, j0 + count)} of {@code b} (depth × n: op(B) = B, as {@code A·B} needs) into
     * consecutive panels from {@code dst[at]}; {@code row} holds at least {@code count} floats.
     */
    static void packColumns(FloatMatrix b, int j0, int count, int width, float[] dst, int at, float[] row) {
        int depth = b.rows();
        int panels = BlockedGemm.ceilDiv(count, width);
        for (int q = 0; q < depth; q++) {
            b.copyBlock(q, 1, j0, count, row, 0);
            for (int g = 0; g < panels; g++) {
                int base = at + g * depth * width + q * width;
                int filled = Math.min(width, count - g * width);
                System.arraycopy(row, g * width, dst, base, filled);
                for (int jj = filled; jj < width; jj++) {
                    dst[base + jj] = 0f;
                }
            }
        }
    }
}
