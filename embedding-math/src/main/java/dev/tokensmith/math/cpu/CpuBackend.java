package dev.tokensmith.math.cpu;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.GemmForm;
import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.OmpOptions;
import dev.tokensmith.math.OmpResult;
import dev.tokensmith.math.Parallelism;
import dev.tokensmith.math.Similarity;
import dev.tokensmith.math.TopK;

/** The pure-Java backend: shared algorithms over one set of {@link Kernels}. */
final class CpuBackend implements MathBackend {
    private final String name;
    private final Kernels kernels;

    CpuBackend(String name, Kernels kernels) {
        this.name = name;
        this.kernels = kernels;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "pure Java CPU backend, " + kernels.describe();
    }

    @Override
    public void gemm(
            GemmForm form, float alpha, FloatMatrix a, FloatMatrix b, float beta, FloatMatrix c, Parallelism p) {
        BlockedGemm.gemm(kernels, form, alpha, a, b, beta, c, p);
    }

    @Override
    public TopK topK(FloatMatrix queries, FloatMatrix keys, int k, Similarity similarity, Parallelism p) {
        return TopKSearch.topK(kernels, queries, keys, k, similarity, p);
    }

    @Override
    public float[] rowNorms(FloatMatrix m, Parallelism p) {
        return RowNorms.of(kernels, m, p);
    }

    @Override
    public FloatMatrix leastSquares(FloatMatrix a, FloatMatrix b, Parallelism p) {
        return LeastSquares.solve(a, b, p);
    }

    @Override
    public OmpResult omp(FloatMatrix dictionary, FloatMatrix targets, OmpOptions options, Parallelism p) {
        return Omp.run(kernels, dictionary, targets, options, p);
    }

    @Override
    public String toString() {
        return name + ": " + description();
    }
}
