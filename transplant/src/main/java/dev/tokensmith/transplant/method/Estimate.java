package dev.tokensmith.transplant.method;

import dev.tokensmith.math.FloatMatrix;
import java.util.Optional;

/**
 * A method's rows for the new tokens, and what it knows about how each was made.
 *
 * @param rows one row per new token, in {@link TransplantProblem#newIds()} order
 * @param omp OMP's per-token diagnostics (OMP only)
 * @param fallbacks how many new tokens the method could not estimate its own way and gave the old vocabulary's
 *     mean row instead (e.g. a text the old tokenizer maps to nothing)
 */
public record Estimate(FloatMatrix rows, Optional<OmpDiagnostics> omp, int fallbacks) {
    public static Estimate of(FloatMatrix rows) {
        return new Estimate(rows, Optional.empty(), 0);
    }
}
