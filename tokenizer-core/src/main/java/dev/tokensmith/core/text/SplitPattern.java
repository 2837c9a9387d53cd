package dev.tokensmith.core.text;

import java.util.List;

/** What to split or replace on: finds matches covering the whole input, contiguous and in order. */
@FunctionalInterface
public interface SplitPattern {
    /** Matched and unmatched ranges covering {@code inside}; an empty input gives one empty non-match. */
    List<Match> findMatches(String inside);
}
