package dev.tokensmith.math;

/**
 * The embedding-math kernels a backend provides, over row-major float32 {@link FloatMatrix} values. Narrow
 * on purpose: each method is a whole batched computation, so a GPU backend can do it in one round trip.
 * Inputs are only read; shapes are checked and a mismatch throws {@link IllegalArgumentException} naming
 * both shapes. Every backend passes {@code MathBackendConformanceTest} (the module's test-jar).
 *
 * <pre>{@code
 * MathBackend cpu = MathBackends.select(null);           // property, env, or the best available
 * try (Parallelism p = Parallelism.threads(8)) {
 *     TopK near = cpu.topK(queries, table, 10, Similarity.COSINE, p);
 *     OmpResult r = cpu.omp(sharedRows, newTokenRows, OmpOptions.atoms(64), p);
 * }
 * }</pre>
 */
public interface MathBackend {
    /** The provider name this backend was created under, e.g. {@code cpu}. */
    String name();

    /** One line for logs, provenance and {@code doctor}: implementation and its capabilities. */
    String description();

    /**
     * {@code C = α·A·op(B) + β·C} with {@code op(B) = B} ({@link GemmForm#A_B}) or {@code Bᵀ}
     * ({@link GemmForm#A_BT}). With {@code β = 0} the old contents of {@code C} are not read (NaNs there do
     * not propagate). {@code C} must not share memory with {@code A} or {@code B}.
     */
    void gemm(GemmForm form, float alpha, FloatMatrix a, FloatMatrix b, float beta, FloatMatrix c, Parallelism p);

    /** {@code A·Bᵀ} as a new matrix: every row of {@code a} against every row of {@code b}. */
    default FloatMatrix multiplyTransposed(FloatMatrix a, FloatMatrix b, Parallelism p) {
        FloatMatrix c = FloatMatrix.zeros(a.rows(), b.rows());
        gemm(GemmForm.A_BT, 1f, a, b, 0f, c, p);
        return c;
    }

    /**
     * For each row of {@code queries} (q×d), the {@code k} rows of {@code keys} (n×d) with the highest
     * {@code similarity}, best first.
     */
    TopK topK(FloatMatrix queries, FloatMatrix keys, int k, Similarity similarity, Parallelism p);

    /** The Euclidean norm of every row. */
    float[] rowNorms(FloatMatrix m, Parallelism p);

    /**
     * Least squares with one small dense system and many right-hand sides: row {@code i} of the result (r×n)
     * minimises {@code ‖A·x − bᵢ‖₂} for row {@code bᵢ} of {@code b} (r×m), where {@code A} is m×n with
     * {@code m ≥ n} and full column rank (else {@link IllegalArgumentException}).
     */
    FloatMatrix leastSquares(FloatMatrix a, FloatMatrix b, Parallelism p);

    /**
     * Batched Orthogonal Matching Pursuit: every row of {@code targets} (t×d) approximated by a sparse
     * combination of rows ("atoms") of {@code dictionary} (n×d). Same selections and coefficients as
     * scikit-learn's {@code orthogonal_mp_gram} on float32 data ({@code Gram = D·Dᵀ}, {@code Xy = D·yᵀ}): the
     * atom of largest |correlation with the residual| (a tie goes to the atom scikit-learn's swapped order puts
     * first), coefficients by least squares on the selected atoms (incremental Cholesky of their Gram matrix),
     * and an early stop, with fewer atoms, when the best correlation squared is below float32 epsilon, the
     * best atom is already selected, or the new atom is linearly dependent on the selected ones.
     */
    OmpResult omp(FloatMatrix dictionary, FloatMatrix targets, OmpOptions options, Parallelism p);
}
