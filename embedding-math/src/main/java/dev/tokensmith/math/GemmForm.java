package dev.tokensmith.math;

/** Which product {@link MathBackend#gemm} computes: {@code C = α·A·B + β·C} or {@code C = α·A·Bᵀ + β·C}. */
public enum GemmForm {
    /** {@code A} is m×k, {@code B} is k×n (row-major). */
    A_B,
    /** {@code A} is m×k, {@code B} is n×k: every {@code C[i][j]} is the dot product of two rows. */
    A_BT
}
