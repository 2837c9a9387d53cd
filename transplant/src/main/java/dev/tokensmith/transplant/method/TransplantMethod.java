package dev.tokensmith.transplant.method;

/**
 * One way to estimate the rows of new tokens. Implementations are made by {@link Methods}; each is stateless
 * apart from its settings and safe to run on the input embeddings and the output head in turn.
 *
 * <pre>{@code
 * TransplantMethod omp = Methods.omp(64);
 * TransplantResult r = Transplant.run(problem, omp, MethodContext.of(MathBackends.select(null), 8));
 * }</pre>
 */
public interface TransplantMethod {
    /** The name used on the command line and in reports, e.g. {@code omp}. */
    String name();

    /** The settings, for provenance. */
    java.util.Map<String, Object> settings();

    /** Rows for {@code problem.newIds()}, in that order, for the base table {@code table}. */
    Estimate estimate(TransplantProblem problem, Table table, MethodContext context);
}
