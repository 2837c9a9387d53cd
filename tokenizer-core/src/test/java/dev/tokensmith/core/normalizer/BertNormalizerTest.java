package dev.tokensmith.core.normalizer;

import static dev.tokensmith.core.normalizer.Normalized.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BertNormalizerTest {
    private static final BertNormalizer BERT = BertNormalizer.defaults();

    @Test
    void cleanTextDropsControlsAndTurnsWhiteSpaceIntoSpaces() {
        check(
                new BertNormalizer(true, false, false, false),
                "a\u0000b\tc\u200Bd\uFFFDe\u00A0",
                "ab cde ",
                "0..1",
                "2..3",
                "3..4",
                "4..5",
                "6..7",
                "8..9",
                "9..10");
    }

    @Test
    void chineseCharactersGetASpaceOnEachSideAlignedWithThem() {
        check(new BertNormalizer(false, true, false, false), "a我b", "a 我 b", "0..1", "1..2", "1..2", "1..2", "2..3");
    }

    @Test
    void hangulAndKanaAreNotChineseCharacters() {
        assertThat(Normalized.run(new BertNormalizer(false, true, false, false), "한かカ")
                        .get())
                .isEqualTo("한かカ");
    }

    @Test
    void accentsFollowLowercaseWhenStripAccentsIsNull() {
        assertThat(Normalized.run(new BertNormalizer(false, false, null, true), "Héllo")
                        .get())
                .isEqualTo("hello");
        assertThat(Normalized.run(new BertNormalizer(false, false, null, false), "Héllo")
                        .get())
                .isEqualTo("Héllo");
        assertThat(Normalized.run(new BertNormalizer(false, false, false, true), "Héllo")
                        .get())
                .isEqualTo("héllo");
    }

    @Test
    void strippedAccentsLeaveTheLetterAlignedWithTheAccentedOne() {
        check(BERT, "Élan", "elan", "0..1", "1..2", "2..3", "3..4");
    }

    @Test
    void dottedCapitalILosesItsDotWhenAccentsAreStripped() {
        // Accents go before lowercasing: NFD gives I + U+0307, the dot is stripped, then "I" lowercases.
        check(BERT, "İ", "i", "0..1");
        check(new BertNormalizer(false, false, false, true), "İ", "i\u0307", "0..1", "0..1");
    }

    @Test
    void categoriesAreUnicode8s() {
        // U+08E2 (format character of Unicode 9) is no control to HF; U+1885 was a letter in Unicode 8.
        check(new BertNormalizer(true, false, true, false), "\u08E2\u1885\u0301", "\u08E2\u1885", "0..1", "1..2");
    }

    @Test
    void matchesHf() {
        List<String> inputs = List.of(
                "Hello, World!",
                "  Ünïcödé\tTEXT\r\n",
                "我爱北京天安门",
                "\u0000\u0001x\u007F\u00AD\u200Dy",
                "İSTANBUL ΣΑΣ",
                "e\u0301\u0323",
                "\uD840\uDC00\uD869\uDF00",
                "\u3000全角　ｓｐａｃｅ",
                "ﬁ①");
        for (BertNormalizer b : List.of(
                BERT, new BertNormalizer(true, true, true, false), new BertNormalizer(false, false, null, false))) {
            Normalized.matchesHf(b, inputs);
        }
    }
}
