package dev.tokensmith.core.format;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Rewrites a tiktoken split pattern (Rust fancy-regex syntax) so that Oniguruma with its default (Ruby) syntax,
 * the engine of HF tokenizers' {@code Regex} patterns, matches the same text. Where the two differ:
 *
 * <ul>
 *   <li>{@code X{n,m}+} is possessive in fancy-regex but means {@code (?:X{n,m})+} in Ruby syntax: it becomes
 *       the atomic group {@code (?>X{n,m})}; {@code X{n}?} (optional in Ruby) becomes {@code X{n}};
 *   <li>{@code $} and {@code ^} are text anchors in fancy-regex (without the {@code m} flag) but line anchors in
 *       Ruby: they become {@code \z} and {@code \A};
 *   <li>the flag {@code s} (dot matches newline) is Ruby's {@code m}; the code point escapes of Rust (backslash
 *       followed by u or U and hex digits) become {@code \x{...}}; {@code (?P<name>} becomes {@code (?<name>}.
 * </ul>
 *
 * The rest passes through unchanged. Constructs without an equivalent (the flags {@code m}, {@code U}, {@code R},
 * class subtraction and symmetric difference) are refused rather than mistranslated.
 */
final class FancyRegexToOniguruma {
    private final String p;
    private final StringBuilder out;
    private final Deque<Integer> openGroups = new ArrayDeque<>();
    private int i;
    private int atom = -1; // where in out the last quantifiable item starts, -1 when there is none

    private FancyRegexToOniguruma(String pattern) {
        this.p = pattern;
        this.out = new StringBuilder(pattern.length() + 16);
    }

    /**
     * The Oniguruma form of a fancy-regex pattern.
     *
     * @throws IllegalArgumentException for a construct with no Oniguruma equivalent or a malformed pattern
     */
    static String translate(String pattern) {
        FancyRegexToOniguruma t = new FancyRegexToOniguruma(pattern);
        t.run();
        return t.out.toString();
    }

    private void run() {
        while (i < p.length()) {
            char c = p.charAt(i);
            switch (c) {
                case '\\' -> {
                    atom = out.length();
                    escape();
                }
                case '[' -> {
                    atom = out.length();
                    charClass();
                }
                case '(' -> groupOpen();
                case ')' -> {
                    if (openGroups.isEmpty()) {
                        throw fail("unbalanced ')'");
                    }
                    atom = openGroups.pop();
                    out.append(')');
                    i++;
                }
                case '$' -> anchor("\\z");
                case '^' -> anchor("\\A");
                case '*', '+', '?' -> {
                    out.append(c);
                    i++;
                    if (i < p.length() && (p.charAt(i) == '+' || p.charAt(i) == '?')) {
                        out.append(p.charAt(i++)); // possessive and lazy forms are the same in Ruby syntax
                    }
                    atom = -1;
                }
                case '{' -> interval();
                case '|' -> {
                    out.append(c);
                    i++;
                    atom = -1;
                }
                default -> {
                    atom = out.length();
                    int cp = p.codePointAt(i);
                    out.appendCodePoint(cp);
                    i += Character.charCount(cp);
                }
            }
        }
        if (!openGroups.isEmpty()) {
            throw fail("unclosed '('");
        }
    }

    private void anchor(String replacement) {
        out.append(replacement);
        i++;
        atom = -1;
    }

    private void interval() {
        int close = intervalEnd(i);
        if (close < 0) {
            atom = out.length();
            out.append("\\{");
            i++;
            return;
        }
        String body = p.substring(i, close + 1);
        i = close + 1;
        char next = i < p.length() ? p.charAt(i) : 0;
        if (next == '+') {
            if (atom < 0) {
                throw fail("possessive repetition without anything to repeat");
            }
            out.insert(atom, "(?>").append(body).append(')');
            i++;
        } else if (next == '?') {
            out.append(body);
            i++;
            if (body.indexOf(',') >= 0) {
                out.append('?');
            } // an exact count is the same lazy or not, and X{n}? would mean (?:X{n})? in Ruby syntax
        } else {
            out.append(body);
        }
        atom = -1;
    }

    /** The index of the '}' closing a repetition {n}, {n,}, {n,m} or {,m} starting at from, or -1. */
    private int intervalEnd(int from) {
        int j = from + 1;
        int digits = 0;
        while (j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
            j++;
            digits++;
        }
        if (j < p.length() && p.charAt(j) == ',') {
            j++;
            while (j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
                j++;
                digits++;
            }
        }
        return digits > 0 && j < p.length() && p.charAt(j) == '}' ? j : -1;
    }

    private void groupOpen() {
        openGroups.push(out.length());
        atom = -1;
        if (i + 1 >= p.length() || p.charAt(i + 1) != '?') {
            out.append('(');
            i++;
            return;
        }
        int j = i + 2;
        char k = j < p.length() ? p.charAt(j) : 0;
        switch (k) {
            case ':', '=', '!', '>' -> {
                out.append(p, i, j + 1);
                i = j + 1;
            }
            case '<' -> {
                // look-behind (?<= (?<! or a named group (?<name>
                out.append(p, i, j + 1);
                i = j + 1;
            }
            case 'P' -> {
                if (j + 1 < p.length() && p.charAt(j + 1) == '<') {
                    out.append("(?<");
                    i = j + 2;
                } else {
                    throw fail("unsupported group syntax (?P" + (j + 1 < p.length() ? p.charAt(j + 1) : "") + "...");
                }
            }
            default -> flags(j);
        }
    }

    /** Inline flags (?flags) or (?flags:...) whose letters start at j. */
    private void flags(int j) {
        StringBuilder mapped = new StringBuilder();
        while (j < p.length() && p.charAt(j) != ':' && p.charAt(j) != ')') {
            char f = p.charAt(j);
            switch (f) {
                case 'i', 'x', '-' -> mapped.append(f);
                case 's' -> mapped.append('m');
                case 'u' -> {} // Unicode is always on for a UTF-8 Oniguruma pattern
                case 'm' -> throw fail("the flag m (multi-line ^ and $) has no equivalent in Oniguruma's Ruby syntax");
                default -> throw fail("unsupported inline flag '" + f + "'");
            }
            j++;
        }
        if (j >= p.length()) {
            throw fail("unclosed inline flags");
        }
        boolean scoped = p.charAt(j) == ':';
        String letters = mapped.toString();
        boolean empty = letters.isEmpty() || letters.equals("-");
        if (scoped) {
            out.append(empty ? "(?:" : "(?" + letters + ":");
        } else {
            openGroups.pop(); // (?flags) is not a group
            if (!empty) {
                out.append("(?").append(letters).append(')');
            }
        }
        i = j + 1;
    }

    private void escape() {
        if (i + 1 >= p.length()) {
            throw fail("trailing backslash");
        }
        char d = p.charAt(i + 1);
        switch (d) {
            case 'p', 'P' -> {
                if (i + 2 < p.length() && p.charAt(i + 2) == '{') {
                    int close = p.indexOf('}', i + 3);
                    if (close < 0) {
                        throw fail("unclosed \\" + d + "{");
                    }
                    out.append(p, i, close + 1);
                    i = close + 1;
                } else {
                    int end = Math.min(p.length(), i + 3);
                    out.append(p, i, end);
                    i = end;
                }
            }
            case 'x' -> codePointEscape(2, 2);
            case 'u' -> codePointEscape(2, 4);
            case 'U' -> codePointEscape(2, 8);
            case 'k' -> {
                int close = p.indexOf('>', i + 2);
                if (close < 0) {
                    throw fail("unclosed \\k<");
                }
                out.append(p, i, close + 1);
                i = close + 1;
            }
            default -> {
                int cp = p.codePointAt(i + 1);
                out.append('\\').appendCodePoint(cp);
                i += 1 + Character.charCount(cp);
            }
        }
    }

    /** A code point escape (backslash, then x, u or U, then fixed hex digits or {hex}), written as \x{hex}. */
    private void codePointEscape(int prefix, int fixedDigits) {
        int start = i + prefix;
        String hex;
        if (start < p.length() && p.charAt(start) == '{') {
            int close = p.indexOf('}', start);
            if (close < 0) {
                throw fail("unclosed " + p.substring(i, start) + "{");
            }
            hex = p.substring(start + 1, close);
            i = close + 1;
        } else {
            int end = start;
            while (end < p.length() && end - start < fixedDigits && Character.digit(p.charAt(end), 16) >= 0) {
                end++;
            }
            if (end - start != fixedDigits) {
                throw fail("expected " + fixedDigits + " hex digits after " + p.substring(i, start));
            }
            hex = p.substring(start, end);
            i = end;
        }
        out.append("\\x{").append(hex).append('}');
    }

    private void charClass() {
        out.append('[');
        i++;
        if (i < p.length() && p.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            out.append("\\]"); // a leading ']' is literal in fancy-regex
            i++;
        }
        while (true) {
            if (i >= p.length()) {
                throw fail("unclosed '['");
            }
            char c = p.charAt(i);
            if (c == ']') {
                out.append(']');
                i++;
                return;
            }
            if (c == '\\') {
                escape();
            } else if (c == '[') {
                if (i + 1 < p.length() && p.charAt(i + 1) == ':') {
                    int close = p.indexOf(":]", i + 2);
                    if (close < 0) {
                        throw fail("unclosed POSIX class");
                    }
                    out.append(p, i, close + 2);
                    i = close + 2;
                } else {
                    charClass();
                }
            } else if ((c == '-' || c == '~') && i + 1 < p.length() && p.charAt(i + 1) == c) {
                throw fail("class operator " + c + c + " has no equivalent in Oniguruma");
            } else {
                int cp = p.codePointAt(i);
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
    }

    private IllegalArgumentException fail(String problem) {
        return new IllegalArgumentException(
                "cannot convert split pattern for Oniguruma at index " + i + ": " + problem + " in " + p);
    }
}
