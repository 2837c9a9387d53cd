package dev.tokensmith.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How {@link Patterns#regex} walks matches: as the onig and regex crates do, not as Matcher.find() does. */
class PatternsRegexIterationTest {
    private static List<Match> matches(String regex, String text) {
        return Patterns.regex(Pattern.compile(regex)).findMatches(text);
    }

    @Test
    void anEmptyMatchWhereThePreviousMatchEndedIsSkipped() {
        // Java's find() would also report the empty match at 1
        assertThat(matches("a*", "ab"))
                .containsExactly(new Match(0, 1, true), new Match(1, 2, false), new Match(2, 2, true));
    }

    @Test
    void anEmptyMatchLaterOnIsKept() {
        assertThat(matches("(?=c)|ab", "abxc"))
                .containsExactly(
                        new Match(0, 2, true), new Match(2, 3, false), new Match(3, 3, true), new Match(3, 4, false));
    }

    @Test
    void emptyPatternMatchesBetweenCodePoints() {
        assertThat(matches("", "a😀"))
                .containsExactly(
                        new Match(0, 0, true),
                        new Match(0, 1, false),
                        new Match(1, 1, true),
                        new Match(1, 3, false),
                        new Match(3, 3, true));
    }

    @Test
    void emptyInputIsOneEmptyNonMatch() {
        assertThat(matches("a", "")).containsExactly(new Match(0, 0, false));
    }
}
