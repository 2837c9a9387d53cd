package dev.tokensmith.core.diff;

/** How two tokenizers disagree on one input; an input counts once, under the first kind found in this order. */
public enum MismatchKind {
    /** Our tokenizer threw where the reference did not. */
    ERROR,
    /** Some token id differs (the position is the first differing token). */
    ID,
    /** The ids agree as far as the shorter sequence goes, but one sequence is longer. */
    LENGTH,
    /** The ids agree, some offsets differ. */
    OFFSETS,
    /** The ids agree, decoding them gives different text. */
    DECODE
}
