package dev.tokensmith.transplant.method;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.math.Similarity;
import dev.tokensmith.math.TopK;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * TokenAdapt's hybrid heuristic (Sharthak et al., 2025, "Achieving Tokenizer Flexibility in Language Models
 * through Heuristic Adaptation and Supertoken Learning"; formulas as in the paper and its published heuristics),
 * with every vector of the auxiliary space L2-normalised:
 *
 * <ul>
 *   <li>local: the old tokenizer's pieces {@code s_j} of the new token's text {@code s}; similarity weights
 *       {@code a = softmax(cos(φ(s), φ(s_j)) / τ)}, length weights {@code ℓ_j = |s_j| / |s|}, combined
 *       {@code softmax(((a + ℓ) / 2) / τ)}; the local row is that combination of the pieces' base rows;
 *   <li>global: the {@code k} old tokens nearest to {@code φ(s)} by cosine, weights {@code softmax(cos / τ)}
 *       (weight 1 for a single neighbour); the global row is that combination of their base rows;
 *   <li>hybrid: {@code (1 − w)·local + w·global}; only one of them when the other is unavailable, the old
 *       vocabulary's mean when neither is (counted as a fallback).
 * </ul>
 * Lengths are in characters of the surface texts with the word-start space removed.
 */
final class TokenAdaptMethod implements TransplantMethod {
    private final int k;
    private final double temperature;
    private final double globalWeight;
    private final OldTokenSplitter splitter;
    private final AuxiliarySpace aux;

    TokenAdaptMethod(int k, double temperature, double globalWeight, OldTokenSplitter splitter, AuxiliarySpace aux) {
        if (k < 1 || !(temperature > 0) || !(globalWeight >= 0 && globalWeight <= 1)) {
            throw new IllegalArgumentException("tokenadapt needs k >= 1, temperature > 0 and 0 <= weight <= 1; got k="
                    + k + ", temperature=" + temperature + ", weight=" + globalWeight);
        }
        this.k = k;
        this.temperature = temperature;
        this.globalWeight = globalWeight;
        this.splitter = splitter;
        this.aux = aux;
    }

    @Override
    public String name() {
        return "tokenadapt";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("k", k);
        s.put("temperature", temperature);
        s.put("globalWeight", globalWeight);
        s.put("auxiliarySpace", aux.name());
        return s;
    }

    @Override
    public Estimate estimate(TransplantProblem p, Table table, MethodContext context) {
        FloatMatrix base = p.base(table);
        FloatMatrix newVectors = normalized(aux.embedNew(p, context.progress()));
        FloatMatrix oldVectors = normalized(aux.embedOld(p, context.progress()));
        if (newVectors.cols() != oldVectors.cols()) {
            throw new IllegalArgumentException("the auxiliary space gives new tokens " + newVectors.cols()
                    + " values and old tokens " + oldVectors.cols());
        }
        int[] oldRow = new int[base.rows()];
        Arrays.fill(oldRow, -1);
        for (int i = 0; i < p.oldIds().length; i++) {
            oldRow[p.oldIds()[i]] = i;
        }
        int kk = Math.min(k, oldVectors.rows());
        Ticker ticker = Ticker.start(context.progress(), Ticker.stage(name(), table), p.newIds().length);
        TopK near = context.backend().topK(newVectors, oldVectors, kk, Similarity.COSINE, context.parallelism());
        FloatMatrix out = FloatMatrix.zeros(p.newIds().length, p.hidden());
        float[] mean = null;
        int fallbacks = 0;
        float[] q = new float[newVectors.cols()];
        float[] piece = new float[newVectors.cols()];
        for (int i = 0; i < p.newIds().length; i++) {
            newVectors.copyBlock(i, 1, 0, q.length, q, 0);
            boolean hasQuery = norm(q) > 0;
            float[] local = hasQuery ? local(p.newTexts()[i], q, piece, oldRow, oldVectors, base) : null;
            float[] global = hasQuery ? global(near, i, kk, p.oldIds(), base) : null;
            float[] row;
            if (local != null && global != null) {
                row = new float[p.hidden()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = (float) ((1 - globalWeight) * local[c] + globalWeight * global[c]);
                }
            } else if (local != null || global != null) {
                row = local != null ? local : global;
            } else {
                if (mean == null) {
                    mean = Rows.mean(base, p.oldIds());
                }
                row = mean;
                fallbacks++;
            }
            out.setRow(i, row);
            ticker.tick();
        }
        ticker.finish();
        return new Estimate(out, Optional.empty(), fallbacks);
    }

    private float[] local(
            String text, float[] q, float[] piece, int[] oldRow, FloatMatrix oldVectors, FloatMatrix base) {
        int[] pieces = Arrays.stream(splitter.split(text))
                .filter(id -> id < oldRow.length && oldRow[id] >= 0)
                .toArray();
        if (pieces.length == 0) {
            return null;
        }
        double fullLength = Math.max(1, text.strip().length());
        double[] sims = new double[pieces.length];
        for (int j = 0; j < pieces.length; j++) {
            oldVectors.copyBlock(oldRow[pieces[j]], 1, 0, piece.length, piece, 0);
            sims[j] = Rows.cosine(q, piece);
        }
        double[] a = Rows.softmax(sims, pieces.length, temperature);
        double[] combined = new double[pieces.length];
        for (int j = 0; j < pieces.length; j++) {
            double len = splitter.text(pieces[j]).strip().length() / fullLength;
            combined[j] = (a[j] + len) / 2;
        }
        double[] w = Rows.softmax(combined, pieces.length, temperature);
        return Rows.combine(base, pieces, w, pieces.length);
    }

    private float[] global(TopK near, int query, int kk, int[] oldIds, FloatMatrix base) {
        int[] ids = new int[kk];
        double[] scores = new double[kk];
        int count = 0;
        for (int r = 0; r < kk; r++) {
            int idx = near.index(query, r);
            if (idx >= 0) {
                ids[count] = oldIds[idx];
                scores[count++] = near.score(query, r);
            }
        }
        if (count == 0) {
            return null;
        }
        double[] w = count == 1 ? new double[] {1} : Rows.softmax(scores, count, temperature);
        return Rows.combine(base, ids, w, count);
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    private static FloatMatrix normalized(FloatMatrix m) {
        FloatMatrix out = m.copy();
        float[] row = new float[m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            out.copyBlock(r, 1, 0, row.length, row, 0);
            double n = norm(row);
            if (n > 0) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = (float) (row[c] / n);
                }
                out.setRow(r, row);
            }
        }
        return out;
    }
}
