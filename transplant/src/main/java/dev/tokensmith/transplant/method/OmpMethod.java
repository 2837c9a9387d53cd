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
 * Targets go to the backend in chunks (each target's pursuit is independent of the others), so that progress can
 * be reported; chunks stay large enough to keep every thread busy.
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
        int n = p.newIds().length;
        int atoms = Math.min(k, dictionary.rows());
        FloatMatrix base = p.base(table);
        FloatMatrix out = FloatMatrix.zeros(n, p.hidden());
        float[] rel = new float[n];
        int[] counts = new int[n];
        float[] l1 = new float[n];
        float[] l2 = new float[n];
        int[] ids = new int[atoms];
        double[] w = new double[atoms];
        int chunk = chunkSize(n, context.parallelism().threads());
        Ticker ticker = Ticker.start(context.progress(), Ticker.stage(name(), table), n, chunk);
        for (int from = 0; from < n; from += chunk) {
            int size = Math.min(chunk, n - from);
            FloatMatrix targets = Rows.gather(donor, Arrays.copyOfRange(p.newIds(), from, from + size));
            OmpResult r = context.backend().omp(dictionary, targets, OmpOptions.atoms(atoms), context.parallelism());
            float[] targetNorms = context.backend().rowNorms(targets, context.parallelism());
            for (int j = 0; j < size; j++) {
                int t = from + j;
                int[] sel = r.atomsOf(j);
                float[] coef = r.coefficientsOf(j);
                double s1 = 0;
                double s2 = 0;
                for (int a = 0; a < sel.length; a++) {
                    ids[a] = dictOld[sel[a]];
                    w[a] = coef[a];
                    s1 += Math.abs(coef[a]);
                    s2 += (double) coef[a] * coef[a];
                }
                out.setRow(t, Rows.combine(base, ids, w, sel.length));
                counts[t] = sel.length;
                l1[t] = (float) s1;
                l2[t] = (float) Math.sqrt(s2);
                rel[t] = targetNorms[j] == 0 ? 0f : r.residualNorms()[j] / targetNorms[j];
            }
            ticker.tick(size);
        }
        ticker.finish();
        return new Estimate(out, Optional.of(new OmpDiagnostics(rel, counts, l1, l2)), 0);
    }

    /**
     * Targets per backend call: about a 64th of them (a bar that moves), never fewer than 64 per thread (every
     * thread gets a full block of the CPU kernel, and a GPU backend still gets large batches).
     */
    static int chunkSize(int targets, int threads) {
        return Math.max(Math.max(1, threads) * 64, (targets + 63) / 64);
    }
}
