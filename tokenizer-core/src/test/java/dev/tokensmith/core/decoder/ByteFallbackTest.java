package dev.tokensmith.core.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values from HF decoders/byte_fallback.rs {@code decode}, unless noted. */
class ByteFallbackTest {
    private final ByteFallback decoder = new ByteFallback();

    @Test
    void passesOrdinaryTokensThrough() {
        assertThat(decoder.decodeChain(List.of("Hey", "friend!"))).containsExactly("Hey", "friend!");
    }

    @Test
    void decodesAByteToken() {
        assertThat(decoder.decodeChain(List.of("<0x61>"))).containsExactly("a");
    }

    @Test
    void givesOneReplacementCharacterPerByteOfAnInvalidRun() {
        assertThat(decoder.decodeChain(List.of("<0xE5>"))).containsExactly("\uFFFD");
        assertThat(decoder.decodeChain(List.of("<0xE5>", "<0x8f>"))).containsExactly("\uFFFD", "\uFFFD");
        assertThat(decoder.decodeChain(List.of("<0xE5>", "<0x8f>", "a"))).containsExactly("\uFFFD", "\uFFFD", "a");
    }

    @Test
    void joinsAValidRunIntoOneString() {
        assertThat(decoder.decodeChain(List.of("<0xE5>", "<0x8f>", "<0xab>"))).containsExactly("叫");
        assertThat(decoder.decodeChain(List.of("<0xE5>", "<0x8f>", "<0xab>", "a")))
                .containsExactly("叫", "a");
    }

    @Test
    void readsOnlyWellFormedByteTokens() {
        // u8::from_str_radix takes a leading '+'; anything else malformed is an ordinary token.
        assertThat(decoder.decodeChain(List.of("<0x+A>"))).containsExactly("\n");
        assertThat(decoder.decodeChain(List.of("<0x6>", "<0x061>", "<0xG1>", "<0x-1>", "<0X61>")))
                .containsExactly("<0x6>", "<0x061>", "<0xG1>", "<0x-1>", "<0X61>");
    }

    @Test
    void rawModeKeepsTheBytesOfAnInvalidRunOnePerToken() {
        List<String> raw = decoder.decodeChainRaw(List.of("<0xE5>", "<0x41>", "<0x8f>", "x"));

        assertThat(raw).containsExactly("\uDCE5", "A", "\uDC8F", "x");
        assertThat(RawBytes.toBytes(String.join("", raw))).containsExactly(0xE5, 'A', 0x8F, 'x');
    }

    @Test
    void rawModeDecodesValidRunsAsUsual() {
        assertThat(decoder.decodeChainRaw(List.of("<0xE5>", "<0x8f>", "<0xab>")))
                .containsExactly("叫");
    }
}
