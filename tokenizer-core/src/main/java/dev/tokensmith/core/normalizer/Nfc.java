package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;

/** Unicode NFC (canonical decomposition, then canonical composition). */
public record Nfc() implements Normalizer {
    @Override
    public void normalize(NormalizedString text) {
        UnicodeForms.apply(text, UnicodeForms.Form.NFC);
    }
}
