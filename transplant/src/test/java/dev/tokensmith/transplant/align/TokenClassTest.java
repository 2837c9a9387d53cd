package dev.tokensmith.transplant.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenClassTest {
    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "` `|WHITESPACE",
                "`\n\n`|WHITESPACE",
                "`    `|CODE",
                "`\t`|CODE",
                "`\n    `|CODE",
                "`\treturn`|CODE",
                "` 7`|DIGIT",
                "`2024`|NUMBER",
                "` 123`|NUMBER",
                "`,`|PUNCTUATION",
                "` (`|PUNCTUATION",
                "`...`|PUNCTUATION",
                "`.\n`|PUNCTUATION",
                "`));`|CODE",
                "` ==`|CODE",
                "`->`|CODE",
                "`.get`|CODE",
                "`_id`|CODE",
                "`日本`|CJK",
                "` 한국`|CJK",
                "`。`|CJK",
                "` the`|LATIN_WORD",
                "`'s`|LATIN_WORD",
                "` München`|LATIN_WORD",
                "` город`|OTHER_SCRIPT",
                "`ा`|OTHER_SCRIPT",
                "`🙂`|OTHER",
                "` €`|OTHER",
                "` 2nd`|OTHER"
            })
    void classifiesTokenText(String text, TokenClass expected) {
        assertThat(TokenClass.of(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"E2", "E280", "20E2", "C3", "80"})
    void partialUtf8IsBytes(String hex) {
        byte[] b = java.util.HexFormat.of().parseHex(hex);
        assertThat(TokenClass.of(b)).isEqualTo(TokenClass.BYTES);
    }
}
