package dev.tokensmith.transplant.method;

import dev.tokensmith.math.FloatMatrix;

/** Small row operations the methods share. */
final class Rows {
    private Rows() {}

    /** The mean of {@code table}'s rows {@code ids}. */
    static float[] mean(FloatMatrix table, int[] ids) {
        double[] sum = new double[table.cols()];
        float[] row = new float[table.cols()];
        for (int id : ids) {
            table.copyBlock(id, 1, 0, table.cols(), row, 0);
            for (int c = 0; c < row.length; c++) {
                sum[c] += row[c];
            }
        }
        float[] out = new float[table.cols()];
        for (int c = 0; c < out.length; c++) {
            out[c] = ids.length == 0 ? 0f : (float) (sum[c] / ids.length);
        }
        return out;
    }

    /** {@code Σ weights[i] · table[ids[i]]}. */
    static float[] combine(FloatMatrix table, int[] ids, double[] weights, int count) {
        double[] acc = new double[table.cols()];
        float[] row = new float[table.cols()];
        for (int i = 0; i < count; i++) {
            table.copyBlock(ids[i], 1, 0, table.cols(), row, 0);
            double w = weights[i];
            for (int c = 0; c < row.length; c++) {
                acc[c] += w * row[c];
            }
        }
        float[] out = new float[acc.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) acc[c];
        }
        return out;
    }

    /** The rows {@code ids} of {@code table} as a new matrix. */
    static FloatMatrix gather(FloatMatrix table, int[] ids) {
        FloatMatrix out = FloatMatrix.zeros(ids.length, table.cols());
        float[] row = new float[table.cols()];
        for (int i = 0; i < ids.length; i++) {
            table.copyBlock(ids[i], 1, 0, table.cols(), row, 0);
            out.setRow(i, row);
        }
        return out;
    }

    /** Softmax of {@code values[0, count) / temperature}, in place into a new array. */
    static double[] softmax(double[] values, int count, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values[i] / temperature);
        }
        double[] out = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            out[i] = Math.exp(values[i] / temperature - max);
            sum += out[i];
        }
        for (int i = 0; i < count; i++) {
            out[i] /= sum;
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        return Vectors.cosine(a, b);
    }
}
