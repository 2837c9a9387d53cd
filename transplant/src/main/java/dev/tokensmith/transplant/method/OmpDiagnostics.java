package dev.tokensmith.transplant.method;

/**
 * Per new token, what OMP did in the donor space: the relative reconstruction residual
 * {@code ‖target − Σ cᵢ·atomᵢ‖ / ‖target‖}, the number of atoms used, and the coefficients' L1 and L2 norms.
 */
public record OmpDiagnostics(
        float[] relativeResiduals, int[] atomCounts, float[] coefficientL1, float[] coefficientL2) {}
