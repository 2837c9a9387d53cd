package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;

/** Rewrites text before it is split, keeping alignments with the original. Immutable and thread-safe. */
public interface Normalizer {
    void normalize(NormalizedString text);
}
