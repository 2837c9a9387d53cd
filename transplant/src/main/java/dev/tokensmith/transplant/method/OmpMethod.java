package dev.tokensmith.transplant.method;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.OmpOptions;
import dev.tokensmith.math.OmpResult;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Orthogonal Matching Pursuit, as in "Training-Free Tokenizer Transplantation via Orthogonal Matching Pursuit"
 * and mergekit-tokensurgeon: the shared tokens' donor rows are the dictionary (ordered by new id, as
 * tokensurgeon orders them by donor id); each new token's donor row is approximated by {@code k} of them
 * (the batched OMP of the math backend, scikit-learn's semantics), and the same coefficients applied to the
 * shared tokens' base rows give the new base row. No centring or normalisation, as in tokensurgeon. The output
 * head runs the same way on the donor's head (its input embeddings when the donor is tied) and the base's head.
 */
final class OmpMethod implements TransplantMethod {
    private final int k;

    OmpMethod(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "omp";
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("k", k);
    }

    @Override
    public Estimate estimate(TransplantProblem p, Table table, MethodContext context) {
        FloatMatrix donor = p.donor(table)
                .orElseThrow(() ->
                        new IllegalArgumentException("omp needs a donor model that has the new vocabulary (--donor)"));
        int[] order = IntStream.range(0, p.sharedNew().length)
                .boxed()
                .sorted(Comparator.comparingInt(i -> p.sharedNew()[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] dictNew = Arrays.stream(order).map(i -> p.sharedNew()[i]).toArray();
        int[] dictOld = Arrays.stream(order).map(i -> p.sharedOld()[i]).toArray();
        if (dictNew.length == 0) {
            throw new IllegalArgumentException("omp needs shared tokens; the two vocabularies share none");
        }
        FloatMatrix dictionary = Rows.gather(donor, dictNew);
        FloatMatrix targets = Rows.gather(donor, p.newIds());
        int atoms = Math.min(k, dictionary.rows());
        OmpResult r = context.backend().omp(dictionary, targets, OmpOptions.atoms(atoms), context.parallelism());
        FloatMatrix base = p.base(table);
        FloatMatrix out = FloatMatrix.zeros(targets.rows(), p.hidden());
        float[] targetNorms = context.backend().rowNorms(targets, context.parallelism());
        int n = targets.rows();
        float[] rel = new float[n];
        int[] counts = new int[n];
        float[] l1 = new float[n];
        float[] l2 = new float[n];
        int[] ids = new int[atoms];
        double[] w = new double[atoms];
        for (int t = 0; t < n; t++) {
            int[] sel = r.atomsOf(t);
            float[] coef = r.coefficientsOf(t);
            double s1 = 0;
            double s2 = 0;
            for (int j = 0; j < sel.length; j++) {
                ids[j] = dictOld[sel[j]];
                w[j] = coef[j];
                s1 += Math.abs(coef[j]);
                s2 += (double) coef[j] * coef[j];
            }
            out.setRow(t, Rows.combine(base, ids, w, sel.length));
            counts[t] = sel.length;
            l1[t] = (float) s1;
            l2[t] = (float) Math.sqrt(s2);
            rel[t] = targetNorms[t] == 0 ? 0f : r.residualNorms()[t] / targetNorms[t];
        }
        return new Estimate(out, Optional.of(new OmpDiagnostics(rel, counts, l1, l2)), 0);
    }
}
