/**
 * Fast paths: {@link dev.tokensmith.core.fast.SegmentEncoder}s that the {@link dev.tokensmith.core.Tokenizer}
 * uses instead of its general pipeline when it recognises the pipeline's shape (byte-level BPE with a known split
 * pattern, BERT's WordPiece, ...). They must be exact: the released-tokenizer parity tests run through them.
 */
package dev.tokensmith.core.fast;
