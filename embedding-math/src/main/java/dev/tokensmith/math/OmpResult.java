package dev.tokensmith.math;

import java.util.Arrays;

/**
 * Batched OMP output: for target {@code t}, {@code atomCounts[t]} atoms in selection order at
 * {@code atoms[t * maxAtoms + i]} with coefficients {@code coefficients[t * maxAtoms + i]}; unused slots hold
 * atom -1 and coefficient 0. {@code residualNorms[t]} is {@code ‖target − Σ coefficient·atom‖₂}.
 */
public record OmpResult(
        int targets, int maxAtoms, int[] atoms, float[] coefficients, int[] atomCounts, float[] residualNorms) {
    public OmpResult {
        long slots = (long) targets * maxAtoms;
        if (atoms.length != slots || coefficients.length != slots) {
            throw new IllegalArgumentException("atoms and coefficients must hold targets*maxAtoms entries");
        }
        if (atomCounts.length != targets || residualNorms.length != targets) {
            throw new IllegalArgumentException("atomCounts and residualNorms must hold one entry per target");
        }
    }

    public int atomCount(int target) {
        return atomCounts[target];
    }

    /** The selected atoms of one target, in selection order. */
    public int[] atomsOf(int target) {
        return Arrays.copyOfRange(atoms, target * maxAtoms, target * maxAtoms + atomCounts[target]);
    }

    /** The coefficients of one target, aligned with {@link #atomsOf}. */
    public float[] coefficientsOf(int target) {
        return Arrays.copyOfRange(coefficients, target * maxAtoms, target * maxAtoms + atomCounts[target]);
    }
}
