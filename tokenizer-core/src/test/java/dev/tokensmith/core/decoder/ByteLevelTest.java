package dev.tokensmith.core.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import dev.tokensmith.core.text.ByteLevelAlphabet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte-level decoder; expected values from HF pre_tokenizers/byte_level.rs tests, unless noted. */
class ByteLevelTest {
    private static final ByteLevel DECODER = new ByteLevel(new ByteLevelConfig(false, true, true));

    private static String alphabet(byte... bytes) {
        return ByteLevelAlphabet.encode(bytes, 0, bytes.length);
    }

    @Test
    void decodesByteLevelTokensIntoOneString() {
        // HF: decoding
        List<String> tokens = List.of("Hello", "Ġmy", "Ġfriend", ",", "Ġhow", "Ġis", "Ġyour", "Ġday", "Ġgoing", "?");

        assertThat(DECODER.decodeChain(tokens)).containsExactly("Hello my friend, how is your day going?");
    }

    @Test
    void keepsTokensWithCharactersOutsideTheAlphabetAsTheyAre() {
        // HF: decode_unknown_characters
        List<String> tokens = List.of("Hello", "Ġthere", "Ġdear", "Ġfriend!", "Ġ", "[PA D]");

        assertThat(DECODER.decodeChain(tokens)).containsExactly("Hello there dear friend! [PA D]");
    }

    @Test
    void reassemblesCharactersSplitAcrossTokens() {
        // HF: decode_works_on_separated_tokens, with each byte-level character as its own token
        String sample = "A Nuskhuri abbreviation of იესუ ქრისტე ( iesu kriste ) \" Jesus Christ \"";
        String byteLevel = alphabet(sample.getBytes(StandardCharsets.UTF_8));
        List<String> separated = new ArrayList<>();
        byteLevel.codePoints().forEach(c -> separated.add(Character.toString(c)));

        assertThat(DECODER.decode(separated)).isEqualTo(sample);
    }

    @Test
    void decodesNothingToOneEmptyString() {
        assertThat(DECODER.decodeChain(List.of())).containsExactly("");
    }

    @Test
    void replacesInvalidUtf8AsRustsFromUtf8LossyDoes() {
        // ED A0 80 (a UTF-8-encoded surrogate) is three invalid sequences; F0 9F 98 cut short is one.
        List<String> tokens = List.of(
                "a", alphabet((byte) 0xED, (byte) 0xA0, (byte) 0x80), "b", alphabet((byte) 0xF0, (byte) 0x9F, (byte)
                        0x98));

        assertThat(DECODER.decodeChain(tokens)).containsExactly("a\uFFFD\uFFFD\uFFFDb\uFFFD");
    }

    @Test
    void rawModeKeepsInvalidBytesAsEscapes() {
        List<String> tokens =
                List.of("a", alphabet((byte) 0xF0, (byte) 0x9F), "Ġ", alphabet((byte) 0xE2, (byte) 0x82, (byte) 0xAC));

        String raw = String.join("", DECODER.decodeChainRaw(tokens));

        assertThat(raw).isEqualTo("a\uDCF0\uDC9F €");
        assertThat(RawBytes.toBytes(raw)).containsExactly('a', 0xF0, 0x9F, ' ', 0xE2, 0x82, 0xAC);
    }
}
