package dev.tokensmith.corpora;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {
    private static long firstInvalid(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Utf8Validator.firstInvalid(b, 0, b.length);
    }

    @Test
    void acceptsEveryWellFormedSequenceLength() {
        assertThat(Utf8Validator.firstInvalid(Fixtures.utf8("aé€😀\u0000\uffff\ud7ff\ue000"), 0, 17))
                .isEqualTo(-1);
        assertThat(firstInvalid(0xf4, 0x8f, 0xbf, 0xbf)).isEqualTo(-1); // U+10FFFF
    }

    @Test
    void rejectsStrayContinuationAndInvalidLeadBytes() {
        assertThat(firstInvalid('a', 0x80)).isEqualTo(1);
        assertThat(firstInvalid('a', 'b', 0xff)).isEqualTo(2);
        assertThat(firstInvalid(0xc0, 0x80)).isEqualTo(0); // overlong NUL
        assertThat(firstInvalid(0xc1, 0xbf)).isEqualTo(0);
    }

    @Test
    void rejectsOverlongSurrogateAndOutOfRangeForms() {
        assertThat(firstInvalid(0xe0, 0x9f, 0xbf)).isEqualTo(0); // overlong 3-byte
        assertThat(firstInvalid(0xed, 0xa0, 0x80)).isEqualTo(0); // U+D800
        assertThat(firstInvalid(0xf0, 0x8f, 0xbf, 0xbf)).isEqualTo(0); // overlong 4-byte
        assertThat(firstInvalid(0xf4, 0x90, 0x80, 0x80)).isEqualTo(0); // U+110000
        assertThat(firstInvalid(0xf5, 0x80, 0x80, 0x80)).isEqualTo(0);
    }

    @Test
    void reportsTheStartOfASequenceCutShortByTheNextCharacterOrTheEnd() {
        assertThat(firstInvalid('x', 'y', 0xe2, 0x82, 'z')).isEqualTo(2);
        assertThat(firstInvalid('x', 0xe2, 0x82)).isEqualTo(1);
    }

    @Test
    void validatesSequencesSplitAcrossPieces() {
        byte[] euro = Fixtures.utf8("a€b");
        Utf8Validator v = new Utf8Validator();
        assertThat(v.feed(euro, 0, 2)).isEqualTo(-1);
        assertThat(v.feed(euro, 2, 1)).isEqualTo(-1);
        assertThat(v.feed(euro, 3, 2)).isEqualTo(-1);
        assertThat(v.finish()).isEqualTo(-1);

        Utf8Validator bad = new Utf8Validator();
        assertThat(bad.feed(euro, 0, 2)).isEqualTo(-1);
        assertThat(bad.feed(new byte[] {'q'}, 0, 1)).isEqualTo(1);
    }
}
