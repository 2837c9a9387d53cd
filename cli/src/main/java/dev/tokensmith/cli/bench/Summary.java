package dev.tokensmith.cli.bench;

import java.util.Arrays;

/** The median, minimum and maximum of a measurement's samples. */
public record Summary(double median, double min, double max) {
    /** Of at least one sample; the median of an even count is the mean of the middle two. */
    public static Summary of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(median, sorted[0], sorted[n - 1]);
    }
}
