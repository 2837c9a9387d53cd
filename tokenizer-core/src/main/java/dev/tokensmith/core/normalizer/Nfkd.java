package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;

/** Unicode NFKD (compatibility decomposition). */
public record Nfkd() implements Normalizer {
    @Override
    public void normalize(NormalizedString text) {
        UnicodeForms.apply(text, UnicodeForms.Form.NFKD);
    }
}
