package dev.tokensmith.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Patterns#regex} iterates matches as HF's Oniguruma and Rust regex iterators do. */
class PatternsRegexTest {

    @Test
    void anEmptyMatchRightAfterAMatchIsSkipped() {
        // Java's Matcher would also report the empty match at 4, after "aaa".
        assertThat(Patterns.regex(Pattern.compile("a*")).findMatches("baaa"))
                .containsExactly(new Match(0, 0, true), new Match(0, 1, false), new Match(1, 4, true));
    }

    @Test
    void emptyMatchesStepOverWholeCodePoints() {
        assertThat(Patterns.regex(Pattern.compile("")).findMatches("\uD83D\uDE00x"))
                .containsExactly(
                        new Match(0, 0, true),
                        new Match(0, 2, false),
                        new Match(2, 2, true),
                        new Match(2, 3, false),
                        new Match(3, 3, true));
    }

    @Test
    void lookbehindSeesTextBeforeTheSearchStart() {
        assertThat(Patterns.regex(Pattern.compile("(?<=a)b")).findMatches("abab"))
                .containsExactly(
                        new Match(0, 1, false), new Match(1, 2, true), new Match(2, 3, false), new Match(3, 4, true));
    }
}
