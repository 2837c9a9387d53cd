package dev.tokensmith.math.cpu;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.OmpOptions;
import dev.tokensmith.math.OmpResult;
import dev.tokensmith.math.Parallelism;
import java.util.Arrays;

/**
 * Batched OMP with scikit-learn's {@code orthogonal_mp_gram} semantics (see {@code MathBackend#omp}).
 *
 * <p>The dictionary is packed once per call into the GEMM kernel's panels ({@link PackedPanels}), shared by all
 * workers. Targets go in blocks, one block per task. Each step computes the correlations of every live
 * residual in the block with every atom as one GEMM against that packed copy (the only O(n·d) work; the full
 * n×n Gram matrix is never formed),
 * then per target: pick the atom, extend the Cholesky factor of the selected atoms' Gram matrix by one row
 * (a forward solve on Gram entries computed from the two atoms' rows), solve for the coefficients with two
 * triangular solves, and update the residual. Cholesky, coefficients and residuals are in double; the
 * correlations are float32, as scikit-learn's are on float32 input.
 */
final class Omp {
    /** numpy's {@code finfo(float32).eps}: scikit-learn's threshold on float32 data. */
    static final double EPS = Math.ulp(1.0f);

    private static final long BLOCK_FLOATS = 1 << 22;

    private Omp() {}

    static OmpResult run(
            Kernels kernels, FloatMatrix dictionary, FloatMatrix targets, OmpOptions options, Parallelism p) {
        int n = dictionary.rows();
        int d = dictionary.cols();
        int t = targets.rows();
        if (targets.cols() != d) {
            throw new IllegalArgumentException("omp: the dictionary is " + BlockedGemm.shape(dictionary)
                    + ", the targets are " + BlockedGemm.shape(targets) + "; the row lengths differ");
        }
        if (!options.hasTolerance() && options.maxAtoms() > n) {
            throw new IllegalArgumentException("omp: " + options.maxAtoms() + " atoms requested from a dictionary of "
                    + n + " rows; the number of atoms cannot exceed the dictionary size");
        }
        int k = Math.min(options.maxAtoms(), n);
        double[] atomSquares = RowNorms.squaredOf(kernels, dictionary, p);
        PackedPanels packed = PackedPanels.ofRows(kernels, dictionary, p);
        long perTarget = Math.max(1L, Math.max(n, (long) k * d));
        int block = Math.clamp(BLOCK_FLOATS / perTarget, 1, 64);
        block = Math.min(block, Math.max(1, BlockedGemm.ceilDiv(t, p.threads())));
        int blockSize = block;
        int[] atoms = new int[t * k];
        float[] coefficients = new float[t * k];
        int[] counts = new int[t];
        float[] residualNorms = new float[t];
        OmpResult result = new OmpResult(t, k, atoms, coefficients, counts, residualNorms);
        Arrays.fill(atoms, -1);
        p.forEach(
                BlockedGemm.ceilDiv(t, blockSize),
                () -> new Block(kernels, dictionary, packed, atomSquares, blockSize, k, options.tolerance()),
                (b, task) -> b.solve(targets, task * blockSize, Math.min(blockSize, t - task * blockSize), result));
        return result;
    }

    /** One worker's state for a block of up to {@code capacity} targets. */
    private static final class Block {
        private final Kernels kernels;
        private final FloatMatrix dictionary;
        private final PackedPanels packed;
        private final double[] atomSquares;
        private final int k;
        private final int n;
        private final int d;
        private final double tolerance;

        private final float[] y; // targets, capacity × d
        private final float[] residual; // capacity × d
        private final float[] live; // residuals of live targets, packed for the GEMM (rows padded for the kernel)
        private final float[] correlations; // live × n
        private final float[] selectedRows; // capacity × k × d
        private final int[] selected; // capacity × k
        private final int[] count;
        private final boolean[] done;
        private final double[] chol; // capacity × k × k, lower triangle
        private final double[] xy; // capacity × k: <atom, target> of the selected atoms
        private final double[] z; // capacity × k: L⁻¹·xy, grows by one entry per step
        private final double[] gamma; // capacity × k
        private final double[] residualSquare;
        private final int[] swapFrom; // capacity × k: scikit-learn's swaps, for its tie-break
        private final int[] swapTo;
        private final double[] work;
        private final double[] approx;
        private final int[] liveIndex;

        Block(
                Kernels kernels,
                FloatMatrix dictionary,
                PackedPanels packed,
                double[] atomSquares,
                int capacity,
                int k,
                double tolerance) {
            this.kernels = kernels;
            this.dictionary = dictionary;
            this.packed = packed;
            this.atomSquares = atomSquares;
            this.k = k;
            this.n = dictionary.rows();
            this.d = dictionary.cols();
            this.tolerance = tolerance;
            y = new float[capacity * d];
            residual = new float[capacity * d];
            live = new float[BlockedGemm.ceilDiv(capacity, kernels.rowBlock()) * kernels.rowBlock() * d];
            correlations = new float[capacity * n];
            selectedRows = new float[capacity * k * d];
            selected = new int[capacity * k];
            count = new int[capacity];
            done = new boolean[capacity];
            chol = new double[capacity * k * k];
            xy = new double[capacity * k];
            z = new double[capacity * k];
            gamma = new double[capacity * k];
            residualSquare = new double[capacity];
            swapFrom = new int[capacity * k];
            swapTo = new int[capacity * k];
            work = new double[Math.max(k, 1)];
            approx = new double[d];
            liveIndex = new int[capacity];
        }

        void solve(FloatMatrix targets, int first, int size, OmpResult out) {
            targets.copyBlock(first, size, 0, d, y, 0);
            System.arraycopy(y, 0, residual, 0, size * d);
            for (int b = 0; b < size; b++) {
                count[b] = 0;
                residualSquare[b] = kernels.sumOfSquares(y, b * d, d);
                done[b] = k == 0;
            }
            while (true) {
                int liveCount = 0;
                for (int b = 0; b < size; b++) {
                    if (!done[b]) {
                        System.arraycopy(residual, b * d, live, liveCount * d, d);
                        liveIndex[liveCount++] = b;
                    }
                }
                if (liveCount == 0) {
                    break;
                }
                correlate(liveCount);
                for (int l = 0; l < liveCount; l++) {
                    step(liveIndex[l], l);
                }
            }
            for (int b = 0; b < size; b++) {
                int target = first + b;
                int c = count[b];
                for (int i = 0; i < c; i++) {
                    out.atoms()[target * k + i] = selected[b * k + i];
                    out.coefficients()[target * k + i] = (float) gamma[b * k + i];
                }
                out.atomCounts()[target] = c;
                out.residualNorms()[target] = (float) Math.sqrt(residualSquare[b]);
            }
        }

        /**
         * correlations[l × n + j] = ⟨live residual l, atom j⟩: one GEMM for the whole block against the
         * dictionary packed once for the call, panel by panel (each panel stays in L1 while all live residuals
         * pass over it), in {@link BlockedGemm#multiplyPanels}' chunk order, so the values are those
         * {@link BlockedGemm#gemm} gives.
         */
        private void correlate(int liveCount) {
            if (d == 0) {
                Arrays.fill(correlations, 0, liveCount * n, 0f);
                return;
            }
            int width = packed.width;
            for (int g = 0; g < packed.panels; g++) {
                float[] panels = packed.array(g);
                int at = packed.offset(g);
                int j0 = g * width;
                int cols = Math.min(width, n - j0);
                for (int pc = 0; pc < d; pc += BlockedGemm.KC) {
                    int kc = Math.min(BlockedGemm.KC, d - pc);
                    kernels.panelProduct(
                            live, pc, d, liveCount, panels, at + pc * width, kc, correlations, j0, n, cols, pc > 0);
                }
            }
        }

        private void step(int b, int row) {
            int c = count[b];
            int lam = argmaxAbs(b, row);
            float best = correlations[row * n + lam];
            if (isSelected(b, lam) || (double) best * best < EPS) {
                done[b] = true; // scikit-learn: "ended prematurely" (same atom again, or nothing left to explain)
                return;
            }
            int rowsAt = (b * k + c) * d;
            dictionary.copyBlock(lam, 1, 0, d, selectedRows, rowsAt);
            int lb = b * k * k;
            if (c > 0) {
                for (int a = 0; a < c; a++) {
                    work[a] = dot(selectedRows, rowsAt, selectedRows, (b * k + a) * d);
                }
                double v = 0;
                for (int a = 0; a < c; a++) { // forward solve L[:c,:c] · w = G[A, lam]
                    double s = work[a];
                    for (int q = 0; q < a; q++) {
                        s -= chol[lb + a * k + q] * work[q];
                    }
                    work[a] = s / chol[lb + a * k + a];
                    v += work[a] * work[a];
                }
                double lkk = atomSquares[lam] - v;
                if (lkk <= EPS) {
                    done[b] = true; // the new atom depends linearly on the selected ones
                    return;
                }
                for (int a = 0; a < c; a++) {
                    chol[lb + c * k + a] = work[a];
                }
                chol[lb + c * k + c] = Math.sqrt(lkk);
            } else {
                chol[lb] = Math.sqrt(atomSquares[lam]);
            }
            swapFrom[b * k + c] = c;
            swapTo[b * k + c] = position(b, c, lam);
            selected[b * k + c] = lam;
            xy[b * k + c] = dot(selectedRows, rowsAt, y, b * d);
            double s = xy[b * k + c];
            for (int q = 0; q < c; q++) {
                s -= chol[lb + c * k + q] * z[b * k + q];
            }
            z[b * k + c] = s / chol[lb + c * k + c];
            c++;
            count[b] = c;
            for (int a = c - 1; a >= 0; a--) { // back solve Lᵀ · gamma = z
                double g = z[b * k + a];
                for (int q = a + 1; q < c; q++) {
                    g -= chol[lb + q * k + a] * gamma[b * k + q];
                }
                gamma[b * k + a] = g / chol[lb + a * k + a];
            }
            updateResidual(b, c);
            if ((!Double.isNaN(tolerance) && residualSquare[b] <= tolerance) || c == k) {
                done[b] = true;
            }
        }

        /**
         * residual = y − Σ gamma·atom, in double. Its squared norm is what scikit-learn's running
         * {@code tol_curr} (‖y‖² − ‖approximation‖²) tracks for the tolerance test, computed directly.
         */
        private void updateResidual(int b, int c) {
            Arrays.fill(approx, 0);
            for (int a = 0; a < c; a++) {
                double g = gamma[b * k + a];
                int at = (b * k + a) * d;
                for (int q = 0; q < d; q++) {
                    approx[q] += g * selectedRows[at + q];
                }
            }
            double square = 0;
            for (int q = 0; q < d; q++) {
                double r = y[b * d + q] - approx[q];
                square += r * r;
                residual[b * d + q] = (float) r;
            }
            residualSquare[b] = square;
        }

        /**
         * The atom of largest |correlation|. scikit-learn scans atoms in an order its swaps have permuted (the
         * selected atoms moved to the front), so among exactly equal values it takes the one that order puts
         * first; the rare exact tie is resolved by replaying those swaps.
         */
        private int argmaxAbs(int b, int row) {
            int base = row * n;
            float max = kernels.maxAbs(correlations, base, n);
            if (!Float.isNaN(max)) { // the fast path; a NaN falls through to the scan that skips NaNs
                int first = Math.max(0, kernels.indexOfAbs(correlations, base, 0, n, max));
                if (kernels.indexOfAbs(correlations, base, first + 1, n, max) < 0) {
                    return first;
                }
            }
            float best = -1f;
            int bestIndex = 0;
            int ties = 0;
            for (int j = 0; j < n; j++) {
                float v = Math.abs(correlations[base + j]);
                if (v > best) {
                    best = v;
                    bestIndex = j;
                    ties = 0;
                } else if (v == best) {
                    ties++;
                }
            }
            if (ties == 0) {
                return bestIndex;
            }
            int bestPosition = position(b, count[b], bestIndex);
            for (int j = bestIndex + 1; j < n; j++) {
                if (Math.abs(correlations[base + j]) == best) {
                    int pos = position(b, count[b], j);
                    if (pos < bestPosition) {
                        bestPosition = pos;
                        bestIndex = j;
                    }
                }
            }
            return bestIndex;
        }

        /** Where scikit-learn's swapped order holds {@code atom} after the first {@code swaps} swaps. */
        private int position(int b, int swaps, int atom) {
            int pos = atom;
            for (int s = 0; s < swaps; s++) {
                int from = swapFrom[b * k + s];
                int to = swapTo[b * k + s];
                if (pos == from) {
                    pos = to;
                } else if (pos == to) {
                    pos = from;
                }
            }
            return pos;
        }

        private boolean isSelected(int b, int atom) {
            for (int a = 0; a < count[b]; a++) {
                if (selected[b * k + a] == atom) {
                    return true;
                }
            }
            return false;
        }

        private double dot(float[] x, int xo, float[] w, int wo) {
            double s = 0;
            for (int q = 0; q < d; q++) {
                s += (double) x[xo + q] * w[wo + q];
            }
            return s;
        }
    }
}
