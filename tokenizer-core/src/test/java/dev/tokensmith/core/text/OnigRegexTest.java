package dev.tokensmith.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Oniguruma dialect as HF tokenizers compiles it. Expected values were checked against HF itself (see
 * {@code OnigRegexOracleTest}, which compares every code point).
 */
class OnigRegexTest {
    private static boolean matches(String onig, String text) {
        return OnigRegex.compile(onig).matcher(text).matches();
    }

    private static List<String> findAll(String onig, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = OnigRegex.compile(onig).matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void spaceIsUnicodeWhiteSpace() {
        assertThat(matches("\\s+", " \t\n\u000B\f\r\u0085\u00A0\u1680\u2000\u200A\u2028\u2029\u202F\u205F\u3000"))
                .isTrue();
        assertThat(matches("\\s", "\u001C")).isFalse();
        assertThat(matches("\\s", "\u200B")).isFalse();
        assertThat(matches("\\S", "\u00A0")).isFalse();
    }

    @Test
    void digitIsAnyDecimalNumber() {
        assertThat(matches("\\d+", "0٣९１")).isTrue();
        assertThat(matches("\\d", "²")).isFalse();
    }

    @Test
    void wordIsAlphabeticMarkDecimalAndConnectorWithoutJoiners() {
        assertThat(matches("\\w+", "aé\u0301_٣ⅫŁ")).isTrue();
        assertThat(matches("\\w", "\u200D")).isFalse(); // Java's own \w would accept the joiner
    }

    @Test
    void bareWordAlsoCountsLatin1SuperscriptsAndFractionsButBracketedDoesNot() {
        assertThat(matches("\\w+", "²³¹¼½¾")).isTrue();
        assertThat(matches("\\p{Word}", "½")).isTrue();
        assertThat(matches("[\\w]", "½")).isFalse();
        assertThat(matches("[[:word:]]", "½")).isFalse();
        assertThat(matches("a\\B²\\b", "a²")).isTrue(); // no boundary between a and ²
    }

    @Test
    void hIsAHexDigitAndVAVerticalTab() {
        assertThat(findAll("\\h+", "dead beef xyz")).containsExactly("dead", "beef");
        assertThat(matches("\\v", "\u000B")).isTrue();
        assertThat(matches("\\v", "\n")).isFalse();
    }

    @Test
    void anchorsAreLineAnchorsAndDotStopsOnlyAtNewline() {
        assertThat(findAll("^a|b$", "ab\nab")).containsExactly("a", "b", "a", "b");
        assertThat(matches(".+", "a\rb\u2028c\u0085")).isTrue();
        assertThat(matches(".", "\n")).isFalse();
        assertThat(matches("(?m:.)", "\n")).isTrue(); // Ruby's m is dot-all
        assertThat(matches("\\A\\Z", "\n")).isFalse();
        assertThat(findAll("a\\Z", "a\n")).containsExactly("a");
    }

    @Test
    void propertiesMatchLooselyByName() {
        assertThat(matches("\\p{Lu}\\p{Uppercase_Letter}\\p{uppercaseletter}\\p{L}\\p{Letter}", "ABCDe"))
                .isTrue();
        assertThat(matches("\\p{Han}\\p{Hiragana}\\p{katakana}\\p{Greek}\\p{Latin}", "漢かカαa"))
                .isTrue();
        assertThat(matches("\\p{^L}\\P{L}[\\p{^L}]", "1!2")).isTrue();
        assertThat(matches("\\p{In_Basic_Latin}+", "az~")).isTrue();
        assertThat(matches("\\p{Alphabetic}\\p{White_Space}\\p{Emoji}", "a 😀")).isTrue();
    }

    @Test
    void punctIsPunctuationAloneButThePosixBracketAddsSymbols() {
        assertThat(matches("\\p{Punct}", "$")).isFalse();
        assertThat(matches("[[:punct:]]", "$")).isTrue();
        assertThat(matches("[[:punct:]]", "!")).isTrue();
        assertThat(matches("[[:^alpha:]]", "1")).isTrue();
        assertThat(matches("[[:alpha:][:digit:]]+", "a1b2")).isTrue();
    }

    @Test
    void classesNestIntersectAndNegateAsInOniguruma() {
        assertThat(findAll("[a-c&&b-d]", "abcd")).containsExactly("b", "c");
        assertThat(findAll(" ?[^(\\s|[.,!?…。，、।۔،])]+", "Hello, world!")).containsExactly("Hello", " world");
        assertThat(matches("[]a]+", "]a]")).isTrue();
        assertThat(matches("[a-]+", "a-")).isTrue();
    }

    @Test
    void possessiveQuantifiersWork() {
        assertThat(findAll("[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++", " hello world")).containsExactly(" hello", " world");
        assertThat(matches("a++a", "aaa")).isFalse();
    }

    @Test
    void plusAfterAnIntervalRepeatsItRatherThanBeingPossessive() {
        assertThat(findAll("\\p{N}{1,3}+", "1234567")).containsExactly("1234567");
        assertThat(findAll("a{2}?", "aaaaa")).containsExactly("aa", "aa", "", "");
        assertThat(findAll("a{3,1}", "aaaaaaa")).containsExactly("aaa", "aaa", "a"); // {3,1} is possessive {1,3}
        assertThat(findAll("a{,2}", "aaa")).containsExactly("aa", "a", "");
    }

    @Test
    void bracesThatAreNoIntervalAreLiterals() {
        assertThat(matches("a{,}", "a{,}")).isTrue();
        assertThat(matches("x{", "x{")).isTrue();
        assertThat(matches("}", "}")).isTrue();
    }

    @Test
    void escapesOfCodePoints() {
        assertThat(matches("\\x41\\x{42}\\u0043\\o{104}\\0105\\t", "ABCD\b5\t")).isTrue(); // \\0 takes two more digits
        assertThat(matches("\\x{1F600}", "😀")).isTrue();
        assertThat(matches("\\.\\*\\#\\-", ".*#-")).isTrue();
    }

    @Test
    void backReferencesFollowOnigurumasCaptureRules() {
        assertThat(matches("(a|b)\\1", "bb")).isTrue();
        assertThat(matches("(a|b)\\1", "ab")).isFalse();
        assertThat(matches("(?<x>a|b)\\k<x>", "aa")).isTrue();
        assertThat(matches("(?<x>a)(b)\\k<1>", "aba")).isTrue(); // with a named group, (b) does not capture
        assertThat(matches("(?i)(a)\\1", "aA")).isTrue();
        assertThat(matches("\\101", "A")).isTrue(); // no such group: octal
    }

    @Test
    void commentsAreSkipped() {
        assertThat(matches("a(?#comment)b", "ab")).isTrue();
    }

    @Test
    void caseInsensitiveContractionsMatchTheLongS() {
        String contractions = "(?i:'s|'t|'re|'ve|'m|'ll|'d)";
        assertThat(findAll(contractions, "'S 'ſ 'T 'RE 'Ve 'M 'LL 'D")).hasSize(8);
        assertThat(matches("(?i:k)", "\u212A")).isTrue(); // KELVIN SIGN
    }

    @Test
    void caseInsensitiveIDoesNotMatchTheTurkishIs() {
        // Java's own (?i) would accept U+0130 and U+0131; Unicode case folding does not pair them with i.
        assertThat(matches("(?i)i", "I")).isTrue();
        assertThat(matches("(?i)i", "\u0130")).isFalse();
        assertThat(matches("(?i)i", "\u0131")).isFalse();
        assertThat(matches("(?i)[a-z]", "\u0131")).isFalse();
        assertThat(matches("(?i)[a-z]", "\u017F")).isTrue();
        assertThat(matches("(?i)ß", "\u1E9E")).isTrue();
        assertThat(matches("(?i)[^a-z]", "\u0130")).isTrue();
    }

    @Test
    void caseInsensitiveBracketsCloseTheirPropertiesButBarePropertiesDoNot() {
        assertThat(matches("(?i)[\\p{Lu}]", "a")).isTrue();
        assertThat(matches("(?i)\\p{Lu}", "a")).isFalse();
        assertThat(matches("(?i)[^\\p{Ll}]", "A")).isFalse();
    }

    @Test
    void anOptionSwitchCoversTheRestOfItsGroupAlternativesIncluded() {
        // x(?i)y|z is x(?i:y|z): z alone does not match
        assertThat(findAll("x(?i)y|z", "xY z xZ")).containsExactly("xY", "xZ");
        assertThat(findAll("(a(?i)b)c", "aBc aBC")).containsExactly("aBc");
    }

    @Test
    void realTokenizerPatternsCompile() {
        for (String p : List.of(
                "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
                "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                        + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
                "[一-龥\u3040-ゟ゠-ヿ]+",
                "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\\r\\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+"
                        + "| ?[\\p{P}\\p{S}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+")) {
            assertThat(OnigRegex.compile(p)).isInstanceOf(Pattern.class);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(?<a>x)\\1",
                "\\9",
                "\\k<x>",
                "\\g<1>",
                "\\G",
                "\\K",
                "\\X",
                "(?x)a",
                "(?s)a",
                "(?W)a",
                "(?~a)",
                "(?(1)a)",
                "\\p{NoSuchProperty}",
                "[[:nosuch:]]",
                "(a",
                "a)",
                "*a",
                "[a",
                "[z-a]"
            })
    void unsupportedOrInvalidPatternsAreRejected(String pattern) {
        assertThatThrownBy(() -> OnigRegex.compile(pattern)).isInstanceOf(PatternSyntaxException.class);
    }

    @Test
    void errorsNameThePatternAndPosition() {
        assertThatThrownBy(() -> OnigRegex.compile("ab\\K"))
                .isInstanceOf(PatternSyntaxException.class)
                .hasMessageContaining("unsupported escape \\K")
                .hasMessageContaining("ab\\K");
    }
}
