package dev.tokensmith.transplant.onnx;

import java.nio.FloatBuffer;
import java.util.List;

/** Mean pooling over the attention mask, then L2 normalisation (sentence-transformers' Pooling + Normalize). */
final class Pooling {
    private Pooling() {}

    /** {@code hidden} is [batch, len, dim] row-major; row i's real tokens are its first {@code batch.get(i).length}. */
    static float[][] meanPoolNormalize(FloatBuffer hidden, List<int[]> batch, int len, int dim) {
        float[][] out = new float[batch.size()][dim];
        double[] sum = new double[dim];
        for (int i = 0; i < batch.size(); i++) {
            java.util.Arrays.fill(sum, 0);
            int n = batch.get(i).length;
            for (int j = 0; j < n; j++) {
                int base = (i * len + j) * dim;
                for (int k = 0; k < dim; k++) {
                    sum[k] += hidden.get(base + k);
                }
            }
            double norm = 0;
            for (int k = 0; k < dim; k++) {
                sum[k] /= Math.max(n, 1);
                norm += sum[k] * sum[k];
            }
            // sentence-transformers' Normalize divides by max(norm, 1e-12).
            double scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
            for (int k = 0; k < dim; k++) {
                out[i][k] = (float) (sum[k] * scale);
            }
        }
        return out;
    }
}
