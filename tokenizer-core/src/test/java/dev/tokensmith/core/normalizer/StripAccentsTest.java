package dev.tokensmith.core.normalizer;

import static dev.tokensmith.core.normalizer.Normalized.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StripAccentsTest {
    private static String nfkdStripLower(String input) {
        return Normalized.run(new Sequence(List.of(new Nfkd(), new StripAccents(), new Lowercase())), input)
                .get();
    }

    @Test
    void removesCombiningMarksLeftByDecomposition() {
        // HF strip.rs test_strip_accents
        String decomposed = java.text.Normalizer.normalize("Me llamó", java.text.Normalizer.Form.NFKD);
        check(
                new StripAccents(),
                decomposed,
                "Me llamo",
                "0..1",
                "1..2",
                "2..3",
                "3..4",
                "4..5",
                "5..6",
                "6..7",
                "7..8");
    }

    @Test
    void leavesAsciiAndChineseAlone() {
        // HF strip.rs test_strip_accents
        assertThat(Normalized.run(new StripAccents(), "Me llamo").get()).isEqualTo("Me llamo");
        assertThat(Normalized.run(new StripAccents(), "这很简单").get()).isEqualTo("这很简单");
    }

    @Test
    void removedMarksWidenNothingButTheirOwnRange() {
        // HF strip.rs test_strip_accents_multiple: "e" keeps (0, 1), "o" keeps its own position.
        check(new StripAccents(), "e\u0304\u0304\u0304o", "eo", "0..1", "4..5");
    }

    @Test
    void vietnameseAfterNfkdLosesItsTonesAndEllipsisBecomesDots() {
        // HF strip.rs test_vietnamese_bug
        assertThat(nfkdStripLower("ậ…")).isEqualTo("a...");
        assertThat(nfkdStripLower("Cụ thể, bạn sẽ tham gia một nhóm các giám đốc điều hành tổ chức…"))
                .isEqualTo("cu the, ban se tham gia mot nhom cac giam đoc đieu hanh to chuc...");
    }

    @Test
    void thaiSaraAmKeepsItsVowelButLosesTheNikhahit() {
        // HF strip.rs test_thai_bug
        assertThat(nfkdStripLower("ำน\u0E49ำ3ลำ")).isEqualTo("านา3ลา");
    }

    @Test
    void marksAreUnicode9Marks() {
        // U+1CF3 was a mark in Unicode 9.0 (a letter now); U+1DF6 came in Unicode 10.
        assertThat(Normalized.run(new StripAccents(), "a\u1CF3b\u1DF6").get()).isEqualTo("ab\u1DF6");
    }
}
