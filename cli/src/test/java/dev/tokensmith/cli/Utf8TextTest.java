package dev.tokensmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    @Test
    void decodesEveryPlaneOfValidUtf8() {
        String text = "aé€🙂 中文";
        assertThat(Utf8Text.decode(text.getBytes(StandardCharsets.UTF_8), "in")).isEqualTo(text);
    }

    @Test
    void keepsAByteOrderMarkAsACharacter() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertThat(Utf8Text.decode(bytes, "in")).isEqualTo("\uFEFFa");
    }

    @Test
    void invalidByteIsReportedWithSourceAndOffset() {
        byte[] bytes = {'a', 'b', (byte) 0xFF, 'c'};
        assertThatThrownBy(() -> Utf8Text.decode(bytes, "notes.txt"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("notes.txt: invalid UTF-8 at byte offset 2 (byte 0xFF)");
    }

    @Test
    void truncatedSequenceAtTheEndIsInvalid() {
        byte[] bytes = {'a', (byte) 0xE2, (byte) 0x82};
        assertThatThrownBy(() -> Utf8Text.decode(bytes, "in")).hasMessageContaining("byte offset 1");
    }

    @Test
    void overlongEncodingIsInvalid() {
        byte[] bytes = {(byte) 0xC0, (byte) 0xAF};
        assertThatThrownBy(() -> Utf8Text.decode(bytes, "in")).hasMessageContaining("byte offset 0");
    }

    @Test
    void encodedSurrogateIsInvalid() {
        byte[] bytes = {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThatThrownBy(() -> Utf8Text.decode(bytes, "in")).hasMessageContaining("byte offset 1");
    }

    @Test
    void continuationByteWithoutLeadIsInvalid() {
        byte[] bytes = "héllo".getBytes(StandardCharsets.UTF_8);
        byte[] broken = {bytes[0], bytes[2], bytes[3]};
        assertThatThrownBy(() -> Utf8Text.decode(broken, "in")).hasMessageContaining("byte offset 1 (byte 0xA9)");
    }
}
