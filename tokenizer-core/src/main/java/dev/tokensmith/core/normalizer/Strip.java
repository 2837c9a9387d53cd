package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;

/** Removes leading ({@code stripLeft}) and/or trailing ({@code stripRight}) Unicode white space. */
public record Strip(boolean stripLeft, boolean stripRight) implements Normalizer {
    @Override
    public void normalize(NormalizedString text) {
        if (stripLeft || stripRight) {
            text.strip(stripLeft, stripRight);
        }
    }
}
