package dev.tokensmith.core.normalizer;

import static dev.tokensmith.core.normalizer.Normalized.check;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NFC, NFD, NFKC, NFKD: Java's text with the alignments of HF's unicode-normalization-alignments crate. */
class UnicodeNormalizationTest {

    @Test
    void nfkcSplitsTheFiLigatureIntoTwoLettersBothAlignedWithIt() {
        // HF unicode.rs test_nfkc: U+FB01 -> "fi", both aligned with the ligature.
        check(new Nfkc(), "\uFB01", "fi", "0..1", "0..1");
    }

    @Test
    void nfdAlignsTheAddedMarkWithTheLetterItCameFrom() {
        check(new Nfd(), "é!", "e\u0301!", "0..1", "0..1", "1..2");
    }

    @Test
    void nfcAlignsTheComposedLetterWithItsBaseLetterOnly() {
        // HF: the composed letter replaces the base and removes the mark, keeping the base's alignment.
        check(new Nfc(), "e\u0301!", "é!", "0..1", "2..3");
    }

    @Test
    void nfcLeavesAlreadyComposedTextAligned() {
        check(new Nfc(), "café", "café", "0..1", "1..2", "2..3", "3..4");
    }

    @Test
    void nfdReorderingKeepsOriginalPositionsInOrder() {
        // Dot below (ccc 220) sorts before dot above (230); both replace a code point, so alignments stay in order.
        check(new Nfd(), "q\u0307\u0323", "q\u0323\u0307", "0..1", "1..2", "2..3");
    }

    @Test
    void nfdReorderingCarriesInsertedMarksAlong() {
        // â = a + U+0302 (inserted), then U+0323 sorts before U+0302: the inserted mark moves behind it.
        check(new Nfd(), "\u00E2\u0323", "a\u0323\u0302", "0..1", "1..2", "1..2");
    }

    @Test
    void nfkdDecomposesHangulSyllablesIntoJamoOfTheSyllable() {
        check(new Nfkd(), "한국", "\u1112\u1161\u11AB\u1100\u116E\u11A8", "0..1", "0..1", "0..1", "1..2", "1..2", "1..2");
    }

    @Test
    void nfcComposesConjoiningJamoIntoOneSyllable() {
        check(new Nfc(), "\u1100\u1161\u11A8", "각", "0..1");
    }

    @Test
    void nfkcMapsCircledDigitsAndHalfwidthKatakana() {
        check(new Nfkc(), "\u2460ﾊﾟ", "1パ", "0..1", "1..2");
    }

    @Test
    void nfkdExpandsEllipsisIntoThreeDotsOnTheSameCharacter() {
        check(new Nfkd(), "ậ…", "a\u0323\u0302...", "0..1", "0..1", "0..1", "1..2", "1..2", "1..2");
    }

    @Test
    void astralCodePointsKeepTheirTwoUnitAlignment() {
        check(new Nfkc(), "\uD835\uDC00b", "Ab", "0..2", "2..3");
    }

    @Test
    void codePointsNewerThanUnicode9AreLeftAloneAsHfDoes() {
        // U+32FF (Reiwa, Unicode 12) has an NFKC mapping HF's Unicode 9.0 tables do not know.
        check(new Nfkc(), "\u32FFé", "\u32FFé", "0..1", "1..2");
        // U+1DF9 (Unicode 10) is a combining mark to Java, an inert starter to HF: no reordering across it.
        check(new Nfd(), "a\u0318\u1DF9\u09BC", "a\u0318\u1DF9\u09BC", "0..1", "1..2", "2..3", "3..4");
    }

    @Test
    void matchesHfOnAccentsHangulCompatibilityAndReordering() {
        List<String> inputs = List.of(
                "\uFB01",
                "é",
                "e\u0301",
                "ậ…",
                "Hello 我今天",
                "\u2460x",
                "한국어",
                "q\u0307\u0323",
                "\u00E2\u0323",
                "a\u0301\u0302\u0323",
                "\u1100\u1161\u11A8",
                "ﾊﾟ",
                "\u0130stanbul",
                "x\u0344y",
                "\u0F73",
                "\u1E9B\u0323",
                "A\u030A\u0327",
                "\u212B\u2126",
                "\u32FF\u1F16C",
                "Å\u1DF6\u0322\u20DE");
        for (Normalizer n : List.of(new Nfc(), new Nfd(), new Nfkc(), new Nfkd())) {
            Normalized.matchesHf(n, inputs);
        }
    }
}
