package dev.tokensmith.core.decoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Replaces every match of a pattern in each token with {@code content}. The pattern is a literal string or a
 * regular expression, as in HF's {@code ReplacePattern}.
 *
 * <p>Matches are found as HF's Oniguruma iterator finds them: leftmost, non-overlapping, and an empty match
 * right where the previous match ended is skipped. The regex is compiled with {@code java.util.regex}, whose
 * syntax differs from Oniguruma's in corner cases.
 */
public final class Replace implements Decoder {
    private final String pattern;
    private final boolean regex;
    private final String content;
    private final Pattern compiled;

    /**
     * @param pattern the literal or regular expression
     * @param regex whether {@code pattern} is a regular expression ({@code {"Regex": ...}}) rather than a
     *     literal ({@code {"String": ...}})
     * @throws IllegalArgumentException when the regular expression does not compile
     */
    public Replace(String pattern, boolean regex, String content) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.regex = regex;
        this.content = Objects.requireNonNull(content, "content");
        try {
            // HF compiles a literal as an escaped regex, so an empty literal matches at every position.
            this.compiled = Pattern.compile(regex ? pattern : Pattern.quote(pattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regex " + pattern + ": " + e.getDescription(), e);
        }
    }

    /** A literal pattern. */
    public static Replace literal(String pattern, String content) {
        return new Replace(pattern, false, content);
    }

    /** A regular-expression pattern. */
    public static Replace regex(String pattern, String content) {
        return new Replace(pattern, true, content);
    }

    public String pattern() {
        return pattern;
    }

    public boolean isRegex() {
        return regex;
    }

    public String content() {
        return content;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            out.add(replace(token));
        }
        return out;
    }

    private String replace(String token) {
        if (token.isEmpty()) {
            return token; // HF does not search an empty token, so even an empty-matching pattern adds nothing
        }
        Matcher m = compiled.matcher(token);
        StringBuilder sb = null;
        int copied = 0;
        int searchFrom = 0;
        int lastMatchEnd = -1;
        while (searchFrom <= token.length() && m.find(searchFrom)) {
            int s = m.start();
            int e = m.end();
            if (s == e && e == lastMatchEnd) {
                searchFrom = searchFrom < token.length() ? token.offsetByCodePoints(searchFrom, 1) : searchFrom + 1;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(token.length() + content.length());
            }
            sb.append(token, copied, s).append(content);
            copied = e;
            searchFrom = e;
            lastMatchEnd = e;
        }
        if (sb == null) {
            return token;
        }
        return sb.append(token, copied, token.length()).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Replace r && regex == r.regex && pattern.equals(r.pattern) && content.equals(r.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern, regex, content);
    }

    @Override
    public String toString() {
        return "Replace[" + (regex ? "Regex" : "String") + "=" + pattern + ", content=" + content + "]";
    }
}
