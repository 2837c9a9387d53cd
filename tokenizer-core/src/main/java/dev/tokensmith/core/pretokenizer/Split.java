package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.OnigRegex;
import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.SplitPattern;
import dev.tokensmith.core.text.scan.PieceScanners;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Splits on a literal string or an Oniguruma regex, treating matches as {@code behavior} says; with {@code
 * invert} the pattern describes the pieces to keep instead of the delimiters.
 */
public final class Split implements PreTokenizer {
    /** How {@link #pattern()} is to be read. */
    public enum Kind {
        /** A literal string ({@code {"String": ...}} in tokenizer.json). */
        STRING,
        /** An Oniguruma regex ({@code {"Regex": ...}}). */
        REGEX
    }

    private final Kind kind;
    private final String pattern;
    private final SplitBehavior behavior;
    private final boolean invert;
    private final SplitPattern matcher;

    /**
     * @throws java.util.regex.PatternSyntaxException when a regex is invalid or uses an unsupported construct
     */
    public Split(Kind kind, String pattern, SplitBehavior behavior, boolean invert) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.behavior = Objects.requireNonNull(behavior, "behavior");
        this.invert = invert;
        SplitPattern found = matcher(kind, pattern);
        this.matcher = invert ? Patterns.invert(found) : found;
    }

    private static SplitPattern matcher(Kind kind, String pattern) {
        if (kind == Kind.STRING) {
            // HF compiles a string as an escaped Oniguruma regex: literal matching, with regex iteration (an empty
            // string matches between every two characters).
            return Patterns.regex(Pattern.compile(Pattern.quote(pattern)));
        }
        // The released patterns have hand-written scanners that match exactly as the regex does.
        return PieceScanners.forPattern(pattern)
                .map(PieceScanners::splitPattern)
                .orElseGet(() -> Patterns.regex(OnigRegex.compile(pattern)));
    }

    public static Split string(String literal, SplitBehavior behavior, boolean invert) {
        return new Split(Kind.STRING, literal, behavior, invert);
    }

    public static Split regex(String onigRegex, SplitBehavior behavior, boolean invert) {
        return new Split(Kind.REGEX, onigRegex, behavior, invert);
    }

    public Kind kind() {
        return kind;
    }

    public String pattern() {
        return pattern;
    }

    public SplitBehavior behavior() {
        return behavior;
    }

    public boolean invert() {
        return invert;
    }

    @Override
    public void preTokenize(PreTokenizedString text) {
        text.split((index, piece) -> piece.split(matcher, behavior));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s
                && kind == s.kind
                && pattern.equals(s.pattern)
                && behavior == s.behavior
                && invert == s.invert;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, pattern, behavior, invert);
    }

    @Override
    public String toString() {
        return "Split[" + kind + " " + pattern + ", " + behavior + (invert ? ", inverted" : "") + "]";
    }
}
