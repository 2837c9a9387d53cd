package dev.tokensmith.transplant;

import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.transplant.method.Estimate;
import dev.tokensmith.transplant.method.MethodContext;
import dev.tokensmith.transplant.method.OmpDiagnostics;
import dev.tokensmith.transplant.method.Table;
import dev.tokensmith.transplant.method.TransplantMethod;
import dev.tokensmith.transplant.method.TransplantProblem;
import dev.tokensmith.transplant.report.QualityReport;
import dev.tokensmith.transplant.report.TokenQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a model's new tables for a new vocabulary: shared tokens copy their base rows, new tokens get the
 * method's rows (input embeddings, and the output head separately when the base has an untied one), rows of
 * the new vocabulary that are neither stay zero. Also builds the quality report.
 *
 * <pre>{@code
 * TransplantResult r = Transplant.run(problem, Methods.omp(64), new MethodContext(backend, parallelism));
 * FloatMatrix newEmbeddings = r.inputEmbeddings();
 * }</pre>
 */
public final class Transplant {
    private Transplant() {}

    public static TransplantResult run(TransplantProblem p, TransplantMethod method, MethodContext context) {
        return run(p, method, context, QualityReport.DEFAULT_OUTLIER_SIGMAS);
    }

    public static TransplantResult run(
            TransplantProblem p, TransplantMethod method, MethodContext context, double outlierSigmas) {
        Estimate input = method.estimate(p, Table.INPUT, context);
        FloatMatrix inputTable = assemble(p, p.base(Table.INPUT), input, method);
        Optional<FloatMatrix> head = Optional.empty();
        if (p.untied()) {
            Estimate h = method.estimate(p, Table.HEAD, context);
            head = Optional.of(assemble(p, p.base(Table.HEAD), h, method));
        }
        return new TransplantResult(inputTable, head, report(p, method, input, outlierSigmas, context));
    }

    private static FloatMatrix assemble(TransplantProblem p, FloatMatrix base, Estimate e, TransplantMethod m) {
        if (e.rows().rows() != p.newIds().length || e.rows().cols() != p.hidden()) {
            throw new IllegalStateException(m.name() + " returned " + e.rows() + " for " + p.newIds().length
                    + " new tokens of hidden size " + p.hidden());
        }
        FloatMatrix out = FloatMatrix.zeros(p.newVocabSize(), p.hidden());
        float[] row = new float[p.hidden()];
        for (int i = 0; i < p.sharedNew().length; i++) {
            base.copyBlock(p.sharedOld()[i], 1, 0, row.length, row, 0);
            out.setRow(p.sharedNew()[i], row);
        }
        for (int i = 0; i < p.newIds().length; i++) {
            e.rows().copyBlock(i, 1, 0, row.length, row, 0);
            out.setRow(p.newIds()[i], row);
        }
        return out;
    }

    private static QualityReport report(
            TransplantProblem p, TransplantMethod m, Estimate e, double sigmas, MethodContext context) {
        float[] baseNorms = context.backend().rowNorms(p.baseInput(), context.parallelism());
        double sum = 0;
        double sq = 0;
        for (int id : p.oldIds()) {
            sum += baseNorms[id];
        }
        int n = Math.max(1, p.oldIds().length);
        double mean = sum / n;
        for (int id : p.oldIds()) {
            sq += (baseNorms[id] - mean) * (baseNorms[id] - mean);
        }
        double std = Math.sqrt(sq / n);
        float[] norms = context.backend().rowNorms(e.rows(), context.parallelism());
        Optional<OmpDiagnostics> omp = e.omp();
        List<TokenQuality> tokens = new ArrayList<>(p.newIds().length);
        Integer[] order = new Integer[p.newIds().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> p.newIds()[i]));
        for (int i : order) {
            double z = std == 0 ? 0 : (norms[i] - mean) / std;
            tokens.add(new TokenQuality(
                    p.newIds()[i],
                    p.newTexts()[i],
                    norms[i],
                    z,
                    z > sigmas,
                    omp.map(o -> (double) o.relativeResiduals()[i]).orElse(Double.NaN),
                    omp.map(o -> o.atomCounts()[i]).orElse(0),
                    omp.map(o -> (double) o.coefficientL1()[i]).orElse(Double.NaN),
                    omp.map(o -> (double) o.coefficientL2()[i]).orElse(Double.NaN)));
        }
        return new QualityReport(
                m.name(), m.settings(), p.sharedNew().length, e.fallbacks(), mean, std, sigmas, tokens);
    }
}
