package dev.tokensmith.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The split patterns HF tokenizers offers: a literal string, a regex, a code-point predicate, inversion. */
public final class Patterns {
    private Patterns() {}

    /** Non-overlapping occurrences of {@code literal}, left to right; an empty literal matches nothing. */
    public static SplitPattern literal(String literal) {
        return inside -> {
            List<Match> out = new ArrayList<>();
            if (inside.isEmpty()) {
                out.add(new Match(0, 0, false));
                return out;
            }
            if (literal.isEmpty()) {
                out.add(new Match(0, inside.length(), false));
                return out;
            }
            int prev = 0;
            int at;
            while ((at = inside.indexOf(literal, prev)) >= 0) {
                if (at != prev) {
                    out.add(new Match(prev, at, false));
                }
                out.add(new Match(at, at + literal.length(), true));
                prev = at + literal.length();
            }
            if (prev != inside.length()) {
                out.add(new Match(prev, inside.length(), false));
            }
            return out;
        };
    }

    /**
     * Successive matches of {@code regex}, which may be empty, iterated as HF's regex engines do: an empty match
     * right where the previous match ended is skipped, and the search then moves on by one code point (Java's
     * {@link Matcher#find()} would report it, and would step by one UTF-16 unit).
     */
    public static SplitPattern regex(Pattern regex) {
        return inside -> {
            List<Match> out = new ArrayList<>();
            if (inside.isEmpty()) {
                out.add(new Match(0, 0, false));
                return out;
            }
            int prev = 0;
            int lastMatchEnd = -1;
            int from = 0;
            Matcher m = regex.matcher(inside);
            while (from <= inside.length() && m.find(from)) {
                int start = m.start();
                int end = m.end();
                if (start == end && end == lastMatchEnd) {
                    if (from >= inside.length()) {
                        break;
                    }
                    from += Character.charCount(inside.codePointAt(from));
                    continue;
                }
                if (prev != start) {
                    out.add(new Match(prev, start, false));
                }
                out.add(new Match(start, end, true));
                prev = end;
                lastMatchEnd = end;
                from = end;
            }
            if (prev != inside.length()) {
                out.add(new Match(prev, inside.length(), false));
            }
            return out;
        };
    }

    /** Every code point for which {@code test} holds is a match of its own. */
    public static SplitPattern codePoints(IntPredicate test) {
        return inside -> {
            List<Match> out = new ArrayList<>();
            if (inside.isEmpty()) {
                out.add(new Match(0, 0, false));
                return out;
            }
            int last = 0;
            for (int i = 0; i < inside.length(); ) {
                int c = inside.codePointAt(i);
                int next = i + Character.charCount(c);
                if (test.test(c)) {
                    if (last < i) {
                        out.add(new Match(last, i, false));
                    }
                    out.add(new Match(i, next, true));
                    last = next;
                }
                i = next;
            }
            if (inside.length() > last) {
                out.add(new Match(last, inside.length(), false));
            }
            return out;
        };
    }

    /** The same ranges with match flags flipped. */
    public static SplitPattern invert(SplitPattern pattern) {
        return inside -> {
            List<Match> matches = pattern.findMatches(inside);
            List<Match> out = new ArrayList<>(matches.size());
            for (Match m : matches) {
                out.add(new Match(m.start(), m.end(), !m.isMatch()));
            }
            return out;
        };
    }
}
