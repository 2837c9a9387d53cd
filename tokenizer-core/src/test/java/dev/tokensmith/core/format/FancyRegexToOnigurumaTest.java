package dev.tokensmith.core.format;

import static dev.tokensmith.core.format.FancyRegexToOniguruma.translate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FancyRegexToOnigurumaTest {

    @Test
    void leavesPatternsBothEnginesReadAlikeUnchanged() {
        String o200k = Tiktoken.O200K_PATTERN;
        String classicCl100k =
                "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                        + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

        assertThat(translate(o200k)).isEqualTo(o200k);
        assertThat(translate(classicCl100k)).isEqualTo(classicCl100k);
    }

    @Test
    void keepsPossessiveStarPlusAndQuestionMark() {
        assertThat(translate("a?+b*+c++")).isEqualTo("a?+b*+c++");
    }

    @Test
    void turnsAPossessiveCountedRepetitionIntoAnAtomicGroup() {
        // in Ruby syntax X{1,3}+ would mean (?:X{1,3})+, any number of X
        assertThat(translate("\\p{N}{1,3}+")).isEqualTo("(?>\\p{N}{1,3})");
        assertThat(translate("x[ab]{2}+y")).isEqualTo("x(?>[ab]{2})y");
        assertThat(translate("(?:ab|c){1,}+")).isEqualTo("(?>(?:ab|c){1,})");
    }

    @Test
    void dropsTheLazyMarkOfAnExactCountWhichRubyReadsAsOptional() {
        assertThat(translate("a{3}?")).isEqualTo("a{3}");
        assertThat(translate("a{1,3}?")).isEqualTo("a{1,3}?");
    }

    @Test
    void turnsTextAnchorsIntoOnigurumasTextAnchors() {
        assertThat(translate("\\s++$|^a")).isEqualTo("\\s++\\z|\\Aa");
    }

    @Test
    void leavesAnchorCharactersInsideClassesAlone() {
        assertThat(translate("[$^]+[^$]")).isEqualTo("[$^]+[^$]");
    }

    @Test
    void translatesTiktokensCurrentCl100kPattern() {
        assertThat(translate(Tiktoken.CL100K_PATTERN))
                .isEqualTo("'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|(?>\\p{N}{1,3})"
                        + "| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+|\\s++\\z|\\s*[\\r\\n]|\\s+(?!\\S)|\\s");
    }

    @Test
    void mapsFlagsAndEscapesToOnigurumasSpelling() {
        assertThat(translate("(?s:.)")).isEqualTo("(?m:.)");
        assertThat(translate("(?i)a")).isEqualTo("(?i)a");
        assertThat(translate("(?u)a")).isEqualTo("a");
        assertThat(translate("(?P<word>\\w+)")).isEqualTo("(?<word>\\w+)");
        assertThat(translate("\\u00e9\\u{1F600}\\x41[\\U0001F600]"))
                .isEqualTo("\\x{00e9}\\x{1F600}\\x{41}[\\x{0001F600}]");
    }

    @Test
    void refusesConstructsWithoutAnEquivalent() {
        assertThatThrownBy(() -> translate("(?m)^a$"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the flag m");
        assertThatThrownBy(() -> translate("[a-z--c]")).hasMessageContaining("class operator --");
        assertThatThrownBy(() -> translate("(a")).hasMessageContaining("unclosed '('");
    }
}
