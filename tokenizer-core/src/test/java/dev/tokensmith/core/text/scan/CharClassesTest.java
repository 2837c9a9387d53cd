package dev.tokensmith.core.text.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.OnigRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The class table agrees with the translated regex's classes on every code point. */
class CharClassesTest {

    @Test
    void everyCodePointHasTheClassesOfTheTranslatedRegex() {
        // The properties as the split patterns write them, translated as the regex path translates them.
        Matcher letter = OnigRegex.compile("\\p{L}").matcher("");
        Matcher upper = OnigRegex.compile("[\\p{Lu}\\p{Lt}]").matcher("");
        Matcher lower = OnigRegex.compile("\\p{Ll}").matcher("");
        Matcher modifierOrOther = OnigRegex.compile("[\\p{Lm}\\p{Lo}]").matcher("");
        Matcher mark = OnigRegex.compile("\\p{M}").matcher("");
        Matcher number = OnigRegex.compile("\\p{N}").matcher("");
        Matcher space = OnigRegex.compile("\\s").matcher("");
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String s = Character.toString(c);
            int k = CharClasses.of(c);
            boolean ok = has(k, CharClasses.L) == letter.reset(s).matches()
                    && has(k, CharClasses.LUT) == upper.reset(s).matches()
                    && has(k, CharClasses.LL) == lower.reset(s).matches()
                    && has(k, CharClasses.LMO) == modifierOrOther.reset(s).matches()
                    && has(k, CharClasses.MARK) == mark.reset(s).matches()
                    && has(k, CharClasses.N) == number.reset(s).matches()
                    && has(k, CharClasses.WS) == space.reset(s).matches();
            if (!ok && wrong.size() < 20) {
                wrong.add(String.format("U+%04X class %d", c, k));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aSurrogatePairIsOneCodePointOnlyWhenBothHalvesAreInside() {
        char[] text = "\uD835\uDC00".toCharArray(); // MATHEMATICAL BOLD CAPITAL A, Lu
        assertThat(CharClasses.at(text, 0, 2)).isEqualTo(CharClasses.LUT | CharClasses.PAIR);
        assertThat(CharClasses.width(CharClasses.at(text, 0, 2))).isEqualTo(2);
        // cut by the limit, or read from its second half: lone surrogates, category Cs
        assertThat(CharClasses.at(text, 0, 1)).isZero();
        assertThat(CharClasses.at(text, 1, 2)).isZero();
        assertThat(CharClasses.width(CharClasses.at(text, 0, 1))).isEqualTo(1);
        assertThat(CharClasses.at("\uD800a".toCharArray(), 0, 2)).isZero();
    }

    @Test
    void aHighSurrogateOnItsOwnHasNoClassBits() {
        assertThat(CharClasses.ofChar('\uD800') & CharClasses.LNW).isZero();
        assertThat(CharClasses.ofChar('\u3000')).isEqualTo(CharClasses.WS);
    }

    private static boolean has(int k, int bits) {
        return (k & bits) != 0;
    }
}
