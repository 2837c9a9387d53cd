package dev.tokensmith.core.fast;

import dev.tokensmith.core.text.OnigRegex;
import dev.tokensmith.core.text.scan.PieceScanner;
import java.nio.CharBuffer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scanner that asks the regex path itself (test-only): the match at {@code start} within an anchored region,
 * for patterns that match at every position. Lets the fast path be tested independently of the hand-written
 * scanners.
 */
final class RegexPieceScanner implements PieceScanner {
    private final Pattern pattern;

    private RegexPieceScanner(Pattern pattern) {
        this.pattern = pattern;
    }

    static Optional<PieceScanner> of(String onigPattern) {
        return Optional.of(new RegexPieceScanner(OnigRegex.compile(onigPattern)));
    }

    @Override
    public int pieceEnd(char[] text, int start, int limit) {
        Matcher m = pattern.matcher(CharBuffer.wrap(text)).region(start, limit);
        m.useTransparentBounds(false).useAnchoringBounds(true);
        if (!m.lookingAt() || m.end() == start) {
            throw new AssertionError("pattern does not match at " + start + ": " + pattern);
        }
        return m.end();
    }
}
