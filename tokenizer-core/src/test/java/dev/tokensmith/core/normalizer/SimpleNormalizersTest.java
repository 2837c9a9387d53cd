package dev.tokensmith.core.normalizer;

import static dev.tokensmith.core.normalizer.Normalized.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lowercase, Strip, Prepend, Replace, ByteLevel, Nmt and Sequence. */
class SimpleNormalizersTest {

    @Test
    void lowercaseUsesTheFullMappingPerCodePoint() {
        check(new Lowercase(), "İA", "i\u0307a", "0..1", "0..1", "1..2");
    }

    @Test
    void lowercaseHasNoFinalSigmaRule() {
        assertThat(Normalized.run(new Lowercase(), "ΟΔΟΣ").get()).isEqualTo("οδοσ");
    }

    @Test
    void stripRemovesUnicodeWhiteSpaceOnTheChosenSides() {
        check(new Strip(true, true), "\u00A0 ab \u3000", "ab", "2..3", "3..4");
        assertThat(Normalized.run(new Strip(true, false), "  ab  ").get()).isEqualTo("ab  ");
        assertThat(Normalized.run(new Strip(false, true), "  ab  ").get()).isEqualTo("  ab");
    }

    @Test
    void prependAlignsThePrefixWithTheFirstCharacter() {
        // HF prepend.rs test_prepend: "▁" takes the alignment of "H".
        check(new Prepend("▁"), "Hello", "▁Hello", "0..1", "0..1", "1..2", "2..3", "3..4", "4..5");
    }

    @Test
    void prependLeavesEmptyTextEmpty() {
        assertThat(Normalized.run(new Prepend("▁"), "").get()).isEmpty();
    }

    @Test
    void replaceLiteralAlignsTheReplacementWithTheMatchEnd() {
        // HF replace.rs test_replace
        check(Replace.literal("''", "\""), "a ''b''", "a \"b\"", "0..1", "1..2", "3..4", "4..5", "6..7");
    }

    @Test
    void replaceRegexUsesOnigurumaSyntax() {
        // HF replace.rs test_replace_regex
        assertThat(Normalized.run(Replace.regex("\\s+", " "), "This     is   a         test")
                        .get())
                .isEqualTo("This is a test");
        assertThat(Normalized.run(Replace.regex("\\s+", " "), "a\u3000\u00A0b").get())
                .isEqualTo("a b");
    }

    @Test
    void byteLevelMapsEveryUtf8ByteAndAlignsItWithItsCodePoint() {
        // HF byte_level.rs test_byte_level_normalize (a prefix of its input)
        check(new ByteLevel(), "Hi 我", "HiĠæĪĳ", "0..1", "1..2", "2..3", "3..4", "3..4", "3..4");
    }

    @Test
    void nmtDropsControlsAndMapsSeparatorsToSpace() {
        check(new Nmt(), "a\u0001b\tc\u200Bd\uFEFF", "ab c d ", "0..1", "2..3", "3..4", "4..5", "5..6", "6..7", "7..8");
    }

    @Test
    void llama2SequencePrependsAndReplacesSpaces() {
        Sequence llama2 = new Sequence(List.of(new Prepend("▁"), Replace.literal(" ", "▁")));
        check(llama2, "Hey you", "▁Hey▁you", "0..1", "0..1", "1..2", "2..3", "3..4", "4..5", "5..6", "6..7");
    }

    @Test
    void matchesHf() {
        List<String> inputs = List.of(
                "Hello World",
                "  \tpadded\u00A0 ",
                "İΣ\u1E9E",
                "''quoted''",
                "a  b\u3000c",
                "ΟΔΟΣ",
                "\u0001\u200B\u2581x",
                "我今天",
                "\uD83D\uDE00 ok",
                "baaa",
                "");
        List<Normalizer> normalizers = List.of(
                new Lowercase(),
                new Strip(true, true),
                new Strip(false, true),
                new Prepend("▁"),
                Replace.literal("''", "\""),
                Replace.regex("\\s+", "_"),
                Replace.regex(" ?", "-"),
                Replace.regex("a*", "-"),
                Replace.literal("", "_"),
                new ByteLevel(),
                new Nmt(),
                new Sequence(List.of(new Prepend("▁"), Replace.literal(" ", "▁"))));
        for (Normalizer n : normalizers) {
            Normalized.matchesHf(n, inputs);
        }
    }
}
