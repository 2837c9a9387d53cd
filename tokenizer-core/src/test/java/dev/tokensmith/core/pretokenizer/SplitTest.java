package dev.tokensmith.core.pretokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.text.SplitBehavior;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitTest {
    private static final String WORDS = "\\w+|[^\\w\\s]+";

    // HF split.rs tests::basic: the Whitespace regex, inverted, with every behavior
    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "REMOVED; How@0-3 are@4-7 you@8-11 doing@12-17 ?@17-18",
                "ISOLATED; How@0-3 ' @3-4' are@4-7 ' @7-8' you@8-11 ' @11-12' doing@12-17 ?@17-18",
                "MERGED_WITH_PREVIOUS; 'How @0-4' 'are @4-8' 'you @8-12' doing@12-17 ?@17-18",
                "MERGED_WITH_NEXT; How@0-3 ' are@3-7' ' you@7-11' ' doing@11-17' ?@17-18",
                "CONTIGUOUS; How@0-3 ' @3-4' are@4-7 ' @7-8' you@8-11 ' @11-12' doing?@12-18"
            })
    void invertedWordRegexWithEachBehavior(SplitBehavior behavior, String expected) {
        Split split = Split.regex(WORDS, behavior, true);
        assertThat(String.join(
                        " ",
                        SplitsOf.run(split, "How are you doing?").described().stream()
                                .map(s -> s.contains(" ") ? "'" + s + "'" : s)
                                .toList()))
                .isEqualTo(expected);
    }

    @Test
    void regexAndStringFindTheSameDelimiters() {
        // HF split.rs tests::regex_string
        assertThat(SplitsOf.run(Split.regex("\\s+", SplitBehavior.REMOVED, false), "Hey, man!")
                        .described())
                .isEqualTo(SplitsOf.run(Split.string(" ", SplitBehavior.REMOVED, false), "Hey, man!")
                        .described())
                .containsExactly("Hey,@0-4", "man!@5-9");
    }

    @Test
    void invertingAWordPatternSplitsOnWhatLiesBetween() {
        // HF split.rs tests::invert
        assertThat(SplitsOf.run(Split.string("Hello", SplitBehavior.REMOVED, true), "Hello Hello Hello")
                        .described())
                .isEqualTo(SplitsOf.run(Split.string(" ", SplitBehavior.REMOVED, false), "Hello Hello Hello")
                        .described());
    }

    @Test
    void stringPatternIsLiteralNotRegex() {
        assertThat(SplitsOf.run(Split.string(".*", SplitBehavior.ISOLATED, false), "a.*b.c")
                        .texts())
                .containsExactly("a", ".*", "b.c");
    }

    @Test
    void emptyStringMatchesBetweenCharactersAsHfsEscapedRegexDoes() {
        assertThat(SplitsOf.run(Split.string("", SplitBehavior.REMOVED, false), "abc")
                        .texts())
                .containsExactly("a", "b", "c");
    }

    @Test
    void emptyRegexMatchRightAfterAMatchIsSkipped() {
        // (?=c)|ab on "abxc": the empty match at 2 follows the match "ab" and is skipped (onig find_iter); the
        // one at 3 is kept, so "x" and "c" are separate.
        assertThat(SplitsOf.run(Split.regex("(?=c)|ab", SplitBehavior.REMOVED, false), "abxc")
                        .described())
                .containsExactly("x@2-3", "c@3-4");
        assertThat(SplitsOf.run(Split.regex("a*", SplitBehavior.MERGED_WITH_NEXT, false), "baaac")
                        .described())
                .containsExactly("b@0-1", "aaac@1-5");
    }

    @Test
    void invalidRegexIsRejected() {
        assertThatThrownBy(() -> Split.regex("(unclosed", SplitBehavior.ISOLATED, false))
                .isInstanceOf(PatternSyntaxException.class)
                .hasMessageContaining("unmatched parenthesis");
    }

    @Test
    void equalityIgnoresTheCompiledForm() {
        assertThat(Split.regex("a+", SplitBehavior.ISOLATED, false))
                .isEqualTo(Split.regex("a+", SplitBehavior.ISOLATED, false))
                .isNotEqualTo(Split.string("a+", SplitBehavior.ISOLATED, false))
                .isNotEqualTo(Split.regex("a+", SplitBehavior.ISOLATED, true));
    }
}
