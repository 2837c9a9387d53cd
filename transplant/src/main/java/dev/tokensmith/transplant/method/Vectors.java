package dev.tokensmith.transplant.method;

/**
 * Vector helpers shared by the methods and the evaluation.
 *
 * <pre>{@code
 * double c = Vectors.cosine(a, b); // 0 when either is zero
 * }</pre>
 */
public final class Vectors {
    private Vectors() {}

    /** The cosine of two vectors of equal length, in double; 0 when either has norm 0. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
