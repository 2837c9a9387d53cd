/**
 * Token alignment between two tokenizers, the first step of a transplant: {@link
 * dev.tokensmith.transplant.align.TokenSpelling} turns each family's tokens (byte-level BPE, metaspace with byte
 * fallback, WordPiece) into canonical bytes, {@link dev.tokensmith.transplant.align.CanonicalVocab} holds a
 * vocabulary in that form with its {@link dev.tokensmith.transplant.align.SpecialTokens}, {@link
 * dev.tokensmith.transplant.align.VocabAlignment} matches two of them, and {@link
 * dev.tokensmith.transplant.align.AlignmentReport} says what the match shares, adds and drops. docs/transplant.md,
 * section "Alignment", gives the rules and the measured numbers.
 */
package dev.tokensmith.transplant.align;
