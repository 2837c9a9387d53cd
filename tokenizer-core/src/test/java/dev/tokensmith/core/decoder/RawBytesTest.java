package dev.tokensmith.core.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lossy decoding cases from Rust's {@code test_from_utf8_lossy} (library/alloc/tests/string.rs); the oracle
 * test decodes the same bytes through HF.
 */
class RawBytesTest {

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesValidUtf8Unchanged() {
        String text = "ศไทย中华Việt Nam 😀";

        assertThat(RawBytes.lossy(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void replacesALoneOrTruncatedSequenceWithOneCharacter() {
        assertThat(RawBytes.lossy(bytes("Hello\u00C2 There\u00FF Goodbye")))
                .isEqualTo("Hello\uFFFD There\uFFFD Goodbye");
        assertThat(RawBytes.lossy(bytes("Hello\u00C0\u0080 There\u00E6\u0083 Goodbye")))
                .isEqualTo("Hello\uFFFD\uFFFD There\uFFFD Goodbye");
        assertThat(RawBytes.lossy(bytes("\u00F1foo\u00F1\u0080bar\u00F1\u0080\u0080baz")))
                .isEqualTo("\uFFFDfoo\uFFFDbar\uFFFDbaz");
    }

    @Test
    void replacesEachByteOfAnImpossibleLead() {
        assertThat(RawBytes.lossy(bytes("\u00F5foo\u00F5\u0080bar"))).isEqualTo("\uFFFDfoo\uFFFD\uFFFDbar");
        assertThat(RawBytes.lossy(bytes("\u00F4foo\u00F4\u0080bar\u00F4\u00BFbaz")))
                .isEqualTo("\uFFFDfoo\uFFFDbar\uFFFD\uFFFDbaz");
    }

    @Test
    void replacesEachByteOfAnOverlongEncoding() {
        assertThat(RawBytes.lossy(bytes("\u00F0\u0080\u0080\u0080foo\u00F0\u0090\u0080\u0080bar")))
                .isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFDfoo\uD800\uDC00bar");
        assertThat(RawBytes.lossy(bytes("\u00C0\u00AF\u00E0\u0080\u00AF"))).isEqualTo("\uFFFD".repeat(5));
    }

    @Test
    void replacesEachByteOfAnEncodedSurrogate() {
        // Java's own UTF-8 decoder gives one U+FFFD for ED A0 80; Rust gives three.
        assertThat(RawBytes.lossy(bytes("\u00ED\u00A0\u0080foo\u00ED\u00BF\u00BFbar")))
                .isEqualTo("\uFFFD\uFFFD\uFFFDfoo\uFFFD\uFFFD\uFFFDbar");
    }

    @Test
    void replacesCodePointsAboveTheUnicodeRange() {
        assertThat(RawBytes.lossy(bytes("\u00F4\u0090\u0080\u0080"))).isEqualTo("\uFFFD".repeat(4));
        assertThat(RawBytes.lossy(bytes("\u00F4\u008F\u00BF\u00BF"))).isEqualTo("\uDBFF\uDFFF");
    }

    @Test
    void escapesEveryByteOfAnInvalidSequence() {
        assertThat(RawBytes.escaped(bytes("a\u00F0\u009F\u0098b\u00ED\u00A0\u0080")))
                .isEqualTo("a\uDCF0\uDC9F\uDC98b\uDCED\uDCA0\uDC80");
    }

    @Test
    void toBytesReversesEscapedDecoding() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[random.nextInt(12)];
            for (int i = 0; i < b.length; i++) {
                // Mostly high bytes, so that valid and invalid sequences both occur.
                b[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
            }
            assertThat(RawBytes.toBytes(RawBytes.escaped(b)))
                    .as("round %d", round)
                    .isEqualTo(b);
        }
    }

    @Test
    void toBytesEncodesOrdinaryTextAsUtf8() {
        String text = "aé€😀";

        assertThat(RawBytes.toBytes(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void toBytesReadsASurrogatePairAsACharacterEvenWhenItsLowHalfLooksLikeAnEscape() {
        // U+1F480 is D83D DC80: a real character, not an escape.
        assertThat(RawBytes.toBytes("\uD83D\uDC80")).containsExactly(0xF0, 0x9F, 0x92, 0x80);
        assertThat(RawBytes.toBytes("\uDC80")).containsExactly(0x80);
    }

    @Test
    void toBytesWritesOtherLoneSurrogatesAsTheReplacementCharacter() {
        assertThat(RawBytes.toBytes("\uD800x")).containsExactly(0xEF, 0xBF, 0xBD, 'x');
    }

    @Test
    void findsAnIncompleteSequenceAtTheEnd() {
        assertThat(RawBytes.incompleteTail(bytes("\u00F0\u009F\u0098"), 3)).isEqualTo(3);
        assertThat(RawBytes.incompleteTail(bytes("a\u00E5\u008F"), 3)).isEqualTo(2);
        assertThat(RawBytes.incompleteTail(bytes("a\u00C2"), 2)).isEqualTo(1);
        assertThat(RawBytes.incompleteTail(bytes("\u00E5\u008F\u00AB"), 3)).isZero();
        assertThat(RawBytes.incompleteTail(bytes("\u00ED\u00A0"), 2))
                .as("invalid, not incomplete")
                .isZero();
        assertThat(RawBytes.incompleteTail(bytes("\u00F0\u009F\u0098\u0080\u0080"), 5))
                .isZero();
        assertThat(RawBytes.incompleteTail(bytes("\u00FF"), 1)).isZero();
        assertThat(RawBytes.incompleteTail(new byte[0], 0)).isZero();
    }
}
