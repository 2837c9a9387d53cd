package dev.tokensmith.core.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StreamingBytesDecoderTest {
    private static final Decoder LLAMA2_DECODER =
            new Sequence(List.of(Replace.literal("▁", " "), new ByteFallback(), new Fuse(), new Strip(' ', 1, 0)));
    private static final Map<Integer, String> LLAMA2 = Map.of(
            15359, "▁Hi", 28705, "▁", 243, "<0xF0>", 162, "<0x9F>", 155, "<0x98>", 131, "<0x80>", 28808, "!", 300,
            "<0xFF>");
    private static final Decoder BYTE_LEVEL = new ByteLevel(new ByteLevelConfig(true, true, true));
    private static final Map<Integer, String> BYTE_TOKENS = Map.of(1, "Hello", 2, "ĠðŁ", 3, "ĺĢ", 4, "!");

    /** The tokenizer's decodeBytes: the raw chain, joined, as bytes. */
    private static Function<int[], byte[]> decodeBytes(Map<Integer, String> vocab, Decoder decoder) {
        return ids ->
                RawBytes.toBytes(String.join("", decoder.decodeChainRaw(StreamingDecoderTest.tokens(vocab, ids))));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void holdsBackAnEmojiUntilItsLastByteToken() {
        StreamingBytesDecoder stream = new StreamingBytesDecoder(decodeBytes(LLAMA2, LLAMA2_DECODER));

        assertThat(stream.step(15359)).hasValue(utf8("Hi"));
        assertThat(stream.step(28705)).hasValue(utf8(" "));
        assertThat(stream.step(243)).isEmpty();
        assertThat(stream.step(162)).isEmpty();
        assertThat(stream.step(155)).isEmpty();
        assertThat(stream.step(131)).hasValue(utf8("😀"));
        assertThat(stream.step(28808)).hasValue(utf8("!"));
    }

    @Test
    void returnsTheCompletePartOfATokenAndHoldsOnlyItsIncompleteTail() {
        // "ĠðŁ" is a space and the first two bytes of 😀: the text stream waits (it ends in U+FFFD), the byte
        // stream returns the space at once.
        StreamingBytesDecoder bytes = new StreamingBytesDecoder(decodeBytes(BYTE_TOKENS, BYTE_LEVEL));
        StreamingDecoder text = new StreamingDecoder(StreamingDecoderTest.decodeWith(BYTE_TOKENS, BYTE_LEVEL));

        assertThat(bytes.step(1)).hasValue(utf8("Hello"));
        assertThat(text.step(1)).contains("Hello");
        assertThat(bytes.step(2)).hasValue(utf8(" "));
        assertThat(text.step(2)).isEmpty();
        assertThat(bytes.step(3)).hasValue(utf8("😀"));
        assertThat(text.step(3)).contains(" 😀");
        assertThat(bytes.step(4)).hasValue(utf8("!"));
        assertThat(text.step(4)).contains("!");
    }

    @Test
    void returnsInvalidBytesAsTheyAre() {
        // No later byte can complete FF, so it is returned; the text stream never returns it (HF: it ends in
        // U+FFFD).
        StreamingBytesDecoder stream = new StreamingBytesDecoder(decodeBytes(LLAMA2, LLAMA2_DECODER));

        assertThat(stream.step(15359)).hasValue(utf8("Hi"));
        assertThat(stream.step(300)).hasValue(new byte[] {(byte) 0xFF});
        assertThat(stream.step(28808)).hasValue(utf8("!"));
    }

    @Test
    void flushReturnsAnIncompleteSequenceLeftAtTheEnd() {
        StreamingBytesDecoder stream = new StreamingBytesDecoder(decodeBytes(LLAMA2, LLAMA2_DECODER));
        stream.step(15359);
        stream.step(243);
        stream.step(162);

        assertThat(stream.flush()).containsExactly(0xF0, 0x9F);
        assertThat(stream.flush()).isEmpty();
    }

    @Test
    void concatenatedChunksEqualTheWholeDecoding() {
        int[] ids = {15359, 28705, 243, 162, 155, 131, 300, 28808, 28705, 243};
        Function<int[], byte[]> decode = decodeBytes(LLAMA2, LLAMA2_DECODER);
        StreamingBytesDecoder stream = new StreamingBytesDecoder(decode);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        for (int id : ids) {
            stream.step(id).ifPresent(out::writeBytes);
        }
        out.writeBytes(stream.flush());

        assertThat(out.toByteArray()).isEqualTo(decode.apply(ids));
    }
}
