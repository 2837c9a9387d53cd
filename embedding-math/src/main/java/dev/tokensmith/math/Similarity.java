package dev.tokensmith.math;

/** The score {@link MathBackend#topK} ranks by. */
public enum Similarity {
    /** The dot product of query and key. */
    DOT,
    /** The cosine of the angle between query and key; 0 when either is the zero vector. */
    COSINE
}
