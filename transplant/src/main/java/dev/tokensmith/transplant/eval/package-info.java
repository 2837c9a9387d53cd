/**
 * The evaluation with real models: experiment A (held-out tokens rebuilt from a donor) and experiment B (a
 * different real tokenizer), measured by row cosine and sentence-embedding fidelity.
 */
package dev.tokensmith.transplant.eval;
