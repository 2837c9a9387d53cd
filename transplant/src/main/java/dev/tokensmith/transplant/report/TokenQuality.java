package dev.tokensmith.transplant.report;

/**
 * How one transplanted token came out.
 *
 * @param newId the token's id in the new vocabulary
 * @param text its surface text
 * @param rowNorm the L2 norm of its new input-embedding row
 * @param normZScore {@code (rowNorm − mean) / σ} over the base's old-vocabulary row norms
 * @param outlier whether {@code normZScore} exceeds the report's threshold
 * @param relativeResidual OMP's {@code ‖target − reconstruction‖ / ‖target‖} in the donor space (NaN when not OMP)
 * @param atoms OMP atoms used (0 when not OMP)
 * @param coefficientL1 L1 norm of the OMP coefficients (NaN when not OMP)
 * @param coefficientL2 L2 norm of the OMP coefficients (NaN when not OMP)
 */
public record TokenQuality(
        int newId,
        String text,
        double rowNorm,
        double normZScore,
        boolean outlier,
        double relativeResidual,
        int atoms,
        double coefficientL1,
        double coefficientL2) {}
