package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;

/** Unicode NFKC (compatibility decomposition, then canonical composition). */
public record Nfkc() implements Normalizer {
    @Override
    public void normalize(NormalizedString text) {
        UnicodeForms.apply(text, UnicodeForms.Form.NFKC);
    }
}
