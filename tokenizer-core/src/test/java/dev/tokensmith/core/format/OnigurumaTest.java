package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class OnigurumaTest {
    private static List<String> matches(String onig, String text) {
        Matcher m = Oniguruma.compile(onig).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void shorthandClassesAreUnicodeAware() {
        assertThat(matches("\\s+", "a\u3000\u00A0b\u2028c")).containsExactly("\u3000\u00A0", "\u2028");
        assertThat(matches("\\d+", "x٣4")).containsExactly("٣4");
        assertThat(matches("\\w+", "héllo wörld_1 ")).containsExactly("héllo", "wörld_1");
    }

    @Test
    void gpt4StylePatternsCompileUnchanged() {
        String llama3 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+"
                + "[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
        assertThat(matches(llama3, "I'm 12345 ok!!")).containsExactly("I", "'m", " ", "123", "45", " ok", "!!");
    }

    @Test
    void hIsAHexDigitNotHorizontalSpace() {
        assertThat(matches("\\h+", "zz0fA9 \t")).containsExactly("0fA9");
        assertThat(matches("[\\hx]+", "x0f g")).containsExactly("x0f");
    }

    @Test
    void optionMMeansDotMatchesNewLine() {
        assertThat(matches("(?m)a.b", "a\nb")).containsExactly("a\nb");
        assertThat(matches("a.b", "a\nb")).isEmpty();
        assertThat(matches("a.b", "a\rb")).containsExactly("a\rb");
    }

    @Test
    void anchorsWorkOnLines() {
        assertThat(matches("^\\w", "ab\ncd")).containsExactly("a", "c");
    }

    @Test
    void negatedAndScriptPropertiesTranslate() {
        assertThat(matches("\\p{^L}+", "ab12cd")).containsExactly("12");
        assertThat(matches("\\p{Han}+", "a漢字b")).containsExactly("漢字");
        assertThat(matches("[[:alpha:]]+", "ab1")).containsExactly("ab");
    }

    @Test
    void intervalsAndLiteralBraces() {
        assertThat(matches("a{,2}", "aaa")).containsExactly("aa", "a", "");
        assertThat(matches("{x}", "a{x}")).containsExactly("{x}");
    }

    @Test
    void commentsAndNamedGroups() {
        assertThat(matches("a(?#comment)b", "ab")).containsExactly("ab");
        assertThat(Oniguruma.compile("(?<first_name>a)\\k<first_name>")
                        .matcher("aa")
                        .matches())
                .isTrue();
    }

    @Test
    void unsupportedConstructsAreRejected() {
        assertThatThrownBy(() -> Oniguruma.compile("a\\Kb")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> Oniguruma.compile("(?~abc)")).isInstanceOf(PatternSyntaxException.class);
    }
}
