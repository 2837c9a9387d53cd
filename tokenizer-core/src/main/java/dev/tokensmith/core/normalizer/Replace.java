package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.format.Oniguruma;
import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.SplitPattern;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Replaces every match of a pattern with {@code content}; the replacement aligns with the end of the match.
 * The pattern is a literal string or an Oniguruma regex (HF's syntax), translated once at construction.
 */
public final class Replace implements Normalizer {
    /** What to look for: HF's {@code {"String": ...}} or {@code {"Regex": ...}}. */
    public sealed interface ReplacePattern {
        String value();
    }

    /** A literal string. */
    public record Literal(String value) implements ReplacePattern {
        public Literal {
            Objects.requireNonNull(value, "value");
        }
    }

    /** An Oniguruma regex, as written in tokenizer.json. */
    public record Regex(String value) implements ReplacePattern {
        public Regex {
            Objects.requireNonNull(value, "value");
        }
    }

    private final ReplacePattern pattern;
    private final String content;
    private final SplitPattern matcher;

    /**
     * @throws java.util.regex.PatternSyntaxException when a regex cannot be translated or compiled
     */
    public Replace(ReplacePattern pattern, String content) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.content = Objects.requireNonNull(content, "content");
        this.matcher = switch (pattern) {
            // HF compiles the escaped literal as a regex, so an empty literal matches everywhere.
            case Literal l when l.value().isEmpty() -> Patterns.regex(Pattern.compile(""));
            case Literal l -> Patterns.literal(l.value());
            case Regex r -> Patterns.regex(Oniguruma.compile(r.value()));
        };
    }

    /** Replaces the literal {@code from} with {@code content}. */
    public static Replace literal(String from, String content) {
        return new Replace(new Literal(from), content);
    }

    /** Replaces matches of the Oniguruma regex {@code regex} with {@code content}. */
    public static Replace regex(String regex, String content) {
        return new Replace(new Regex(regex), content);
    }

    public ReplacePattern pattern() {
        return pattern;
    }

    public String content() {
        return content;
    }

    @Override
    public void normalize(NormalizedString text) {
        text.replace(matcher, content);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Replace r && r.pattern.equals(pattern) && r.content.equals(content);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode() * 31 + content.hashCode();
    }

    @Override
    public String toString() {
        return "Replace[" + pattern + " -> " + content + "]";
    }
}
