package dev.tokensmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SampleTextTest {
    private static final String SAMPLE = SampleText.load();

    @Test
    void isBetweenSixAndTenKilobytesOfUtf8() {
        assertThat(SAMPLE.getBytes(StandardCharsets.UTF_8).length).isBetween(6_000, 10_000);
    }

    @Test
    void coversTheScriptsOfItsLanguages() {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        SAMPLE.codePoints().forEach(c -> scripts.add(UnicodeScript.of(c)));
        assertThat(scripts)
                .contains(
                        UnicodeScript.LATIN,
                        UnicodeScript.CYRILLIC,
                        UnicodeScript.GREEK,
                        UnicodeScript.ARABIC,
                        UnicodeScript.DEVANAGARI,
                        UnicodeScript.HAN,
                        UnicodeScript.HIRAGANA,
                        UnicodeScript.KATAKANA,
                        UnicodeScript.HANGUL,
                        UnicodeScript.THAI);
    }

    @Test
    void hasCodeNumbersAndEmoji() {
        assertThat(SAMPLE).contains("static Map<String, Integer>", "def moving_average", "65535", "\t");
        assertThat(SAMPLE.codePoints().filter(c -> Character.getType(c) == Character.OTHER_SYMBOL && c > 0x1F000))
                .isNotEmpty();
    }

    @Test
    void hasGermanFrenchAndSpanishAccents() {
        assertThat(SAMPLE).contains("ü", "ç", "ñ", "¿");
    }
}
