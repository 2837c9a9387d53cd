package dev.tokensmith.transplant.eval;

import java.util.Arrays;
import java.util.Random;

/**
 * How close a rebuilt model's sentence embeddings stay to the original's: the mean cosine between the two
 * embeddings of each sentence, and the Spearman correlation between the two models' cosine similarities over
 * random sentence pairs (the ranking of pairs is what retrieval and clustering use).
 *
 * @param sentenceCosine mean cosine between original and rebuilt embeddings
 * @param spearman Spearman rank correlation of pairwise similarities
 * @param pairs the number of pairs sampled
 */
public record Fidelity(double sentenceCosine, double spearman, int pairs) {
    /** Compares {@code rebuilt} with {@code original} (same sentences, unit vectors or not). */
    public static Fidelity of(float[][] original, float[][] rebuilt, int pairs, long seed) {
        if (original.length != rebuilt.length || original.length < 2) {
            throw new IllegalArgumentException(
                    "need the same >= 2 sentences on both sides, got " + original.length + " and " + rebuilt.length);
        }
        double sum = 0;
        for (int i = 0; i < original.length; i++) {
            sum += cosine(original[i], rebuilt[i]);
        }
        Random random = new Random(seed);
        double[] a = new double[pairs];
        double[] b = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            int i = random.nextInt(original.length);
            int j = random.nextInt(original.length - 1);
            if (j >= i) {
                j++;
            }
            a[p] = cosine(original[i], original[j]);
            b[p] = cosine(rebuilt[i], rebuilt[j]);
        }
        return new Fidelity(sum / original.length, spearman(a, b), pairs);
    }

    static double cosine(float[] x, float[] y) {
        return dev.tokensmith.transplant.method.Vectors.cosine(x, y);
    }

    /** Spearman's ρ: Pearson correlation of the ranks (ties get their average rank). */
    static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                r[order[t]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }
}
