package dev.tokensmith.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * What a split does with the delimiters it matched. Splitting {@code the-final--countdown} on {@code -}:
 * REMOVED {@code [the, final, countdown]}, ISOLATED {@code [the, -, final, -, -, countdown]},
 * MERGED_WITH_PREVIOUS {@code [the-, final-, -, countdown]}, MERGED_WITH_NEXT {@code [the, -final, -,
 * -countdown]}, CONTIGUOUS {@code [the, -, final, --, countdown]}.
 */
public enum SplitBehavior {
    REMOVED("Removed"),
    ISOLATED("Isolated"),
    MERGED_WITH_PREVIOUS("MergedWithPrevious"),
    MERGED_WITH_NEXT("MergedWithNext"),
    CONTIGUOUS("Contiguous");

    private final String jsonName;

    SplitBehavior(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in tokenizer.json. */
    public String jsonName() {
        return jsonName;
    }

    /** Parses a tokenizer.json name, or returns null when unknown. */
    public static SplitBehavior fromJson(String name) {
        for (SplitBehavior b : values()) {
            if (b.jsonName.equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** Turns pattern matches into ranges to keep ({@code isMatch == false}) or drop ({@code true}). */
    List<Match> apply(List<Match> matches) {
        List<Match> acc = new ArrayList<>(matches.size());
        switch (this) {
            case ISOLATED -> {
                for (Match m : matches) {
                    acc.add(new Match(m.start(), m.end(), false));
                }
            }
            case REMOVED -> acc.addAll(matches);
            case CONTIGUOUS -> {
                boolean previous = false;
                for (Match m : matches) {
                    if (m.isMatch() == previous && !acc.isEmpty()) {
                        Match last = acc.removeLast();
                        acc.add(new Match(last.start(), m.end(), false));
                    } else {
                        acc.add(new Match(m.start(), m.end(), false));
                    }
                    previous = m.isMatch();
                }
            }
            case MERGED_WITH_PREVIOUS -> {
                boolean previous = false;
                for (Match m : matches) {
                    if (m.isMatch() && !previous && !acc.isEmpty()) {
                        Match last = acc.removeLast();
                        acc.add(new Match(last.start(), m.end(), false));
                    } else {
                        acc.add(new Match(m.start(), m.end(), false));
                    }
                    previous = m.isMatch();
                }
            }
            case MERGED_WITH_NEXT -> {
                boolean previous = false;
                for (int i = matches.size() - 1; i >= 0; i--) {
                    Match m = matches.get(i);
                    if (m.isMatch() && !previous && !acc.isEmpty()) {
                        Match last = acc.removeLast();
                        acc.add(new Match(m.start(), last.end(), false));
                    } else {
                        acc.add(new Match(m.start(), m.end(), false));
                    }
                    previous = m.isMatch();
                }
                java.util.Collections.reverse(acc);
            }
        }
        return acc;
    }
}
