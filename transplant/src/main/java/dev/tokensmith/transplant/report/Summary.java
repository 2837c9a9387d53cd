package dev.tokensmith.transplant.report;

import java.util.Arrays;

/**
 * Summary statistics of one per-token quantity (NaN values ignored).
 *
 * @param count the number of values
 * @param mean their mean
 * @param median the median
 * @param p95 the 95th percentile (nearest rank)
 * @param max the largest
 */
public record Summary(int count, double mean, double median, double p95, double max) {
    /** The summary of {@code values}, skipping NaNs. */
    public static Summary of(double[] values) {
        double[] v =
                Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(v).sum() / v.length;
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        double p95 = v[Math.min(v.length - 1, (int) Math.ceil(0.95 * v.length) - 1)];
        return new Summary(v.length, mean, median, p95, v[v.length - 1]);
    }
}
