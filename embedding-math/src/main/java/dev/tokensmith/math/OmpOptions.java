package dev.tokensmith.math;

/**
 * Stopping rules of {@link MathBackend#omp}: at most {@code maxAtoms} atoms per target, and, when
 * {@code tolerance} is not NaN, stop as soon as the squared residual norm is at most {@code tolerance}.
 * scikit-learn's {@code orthogonal_mp_gram(n_nonzero_coefs=k)} is {@code atoms(k)}; its {@code tol=t} is
 * {@code tolerance(t, dictionaryRows)} (its tolerance mode has no atom limit).
 *
 * <pre>{@code
 * OmpOptions o = OmpOptions.atoms(64);
 * }</pre>
 */
public record OmpOptions(int maxAtoms, double tolerance) {
    public OmpOptions {
        if (maxAtoms < 1) {
            throw new IllegalArgumentException("maxAtoms must be >= 1, got " + maxAtoms);
        }
        if (tolerance < 0) {
            throw new IllegalArgumentException("tolerance must be >= 0 (or NaN for none), got " + tolerance);
        }
    }

    /** Exactly {@code k} atoms per target unless the dictionary runs out first (linear dependence). */
    public static OmpOptions atoms(int k) {
        return new OmpOptions(k, Double.NaN);
    }

    /** Stop at squared residual norm {@code <= tolerance}, or after {@code maxAtoms} atoms. */
    public static OmpOptions tolerance(double tolerance, int maxAtoms) {
        if (Double.isNaN(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a number");
        }
        return new OmpOptions(maxAtoms, tolerance);
    }

    public boolean hasTolerance() {
        return !Double.isNaN(tolerance);
    }
}
