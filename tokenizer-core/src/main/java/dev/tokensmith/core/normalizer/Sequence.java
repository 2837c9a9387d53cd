package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;
import java.util.List;

/** Runs {@code normalizers} one after the other on the same text. */
public record Sequence(List<Normalizer> normalizers) implements Normalizer {
    public Sequence {
        normalizers = List.copyOf(normalizers);
    }

    @Override
    public void normalize(NormalizedString text) {
        for (Normalizer n : normalizers) {
            n.normalize(text);
        }
    }
}
