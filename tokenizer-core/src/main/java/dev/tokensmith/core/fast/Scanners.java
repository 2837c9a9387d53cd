package dev.tokensmith.core.fast;

import dev.tokensmith.core.text.scan.PieceScanner;
import java.util.Optional;

/** The scanners the fast paths may use (until the scanner package lands: none). */
final class Scanners {
    private Scanners() {}

    static Optional<PieceScanner> forPattern(String pattern) {
        return Optional.empty();
    }
}
