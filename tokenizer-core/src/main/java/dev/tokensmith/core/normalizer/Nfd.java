package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;

/** Unicode NFD (canonical decomposition). */
public record Nfd() implements Normalizer {
    @Override
    public void normalize(NormalizedString text) {
        UnicodeForms.apply(text, UnicodeForms.Form.NFD);
    }
}
