package dev.tokensmith.core.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Expected values from HF's DecodeStream tests (tests/documentation.rs, tests/stream.rs), unless noted. */
class StreamingDecoderTest {

    /** A tokenizer's decode reduced to what the stream needs: ids to tokens, then the decoder. */
    static Function<int[], String> decodeWith(Map<Integer, String> vocab, Decoder decoder) {
        return ids -> decoder.decode(tokens(vocab, ids));
    }

    static List<String> tokens(Map<Integer, String> vocab, int[] ids) {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            tokens.add(vocab.get(id));
        }
        return tokens;
    }

    // Entries of llama3.json's vocabulary, the file HF's stream test uses.
    private static final Map<Integer, String> LLAMA3 = Map.ofEntries(
            Map.entry(32, "A"),
            Map.entry(426, "ĠB"),
            Map.entry(356, "ĠC"),
            Map.entry(423, "ĠD"),
            Map.entry(469, "ĠE"),
            Map.entry(435, "ĠF"),
            Map.entry(480, "ĠG"),
            Map.entry(473, "ĠH"),
            Map.entry(358, "ĠI"),
            Map.entry(622, "ĠJ"),
            Map.entry(80690, "ìĤ"),
            Map.entry(98, "¥"),
            Map.entry(167, "ë"),
            Map.entry(121, "½"),
            Map.entry(243, "ķ"),
            Map.entry(102457, "ë¹"),
            Map.entry(113, "µ"));
    private static final Decoder LLAMA3_DECODER = new ByteLevel(new ByteLevelConfig(true, true, true));

    // Entries of llama2.json's vocabulary, with its decoder Replace(▁→' '), ByteFallback, Fuse, Strip(' ', 1, 0).
    private static final Map<Integer, String> LLAMA2 =
            Map.of(15359, "▁Hi", 28705, "▁", 243, "<0xF0>", 162, "<0x9F>", 155, "<0x98>", 131, "<0x80>", 28808, "!");
    private static final Decoder LLAMA2_DECODER =
            new Sequence(List.of(Replace.literal("▁", " "), new ByteFallback(), new Fuse(), new Strip(' ', 1, 0)));

    @Test
    void streamsByteLevelTokensWithTheirSpaces() {
        // HF: test_decode_stream_step_no_panic ("A B C D E F G H I J")
        StreamingDecoder stream = new StreamingDecoder(decodeWith(LLAMA3, LLAMA3_DECODER));
        int[] ids = {32, 426, 356, 423, 469, 435, 480, 473, 358, 622};
        String[] expected = {"A", " B", " C", " D", " E", " F", " G", " H", " I", " J"};

        for (int i = 0; i < ids.length; i++) {
            assertThat(stream.step(ids[i])).contains(expected[i]);
        }
    }

    @Test
    void waitsForTheTokensThatCompleteACharacter() {
        // HF: test_decode_stream_step_no_panic ("삥뽕빵", characters of two and three tokens)
        StreamingDecoder stream = new StreamingDecoder(decodeWith(LLAMA3, LLAMA3_DECODER));

        assertThat(stream.step(80690)).isEmpty();
        assertThat(stream.step(98)).contains("삥");
        assertThat(stream.step(167)).isEmpty();
        assertThat(stream.step(121)).isEmpty();
        assertThat(stream.step(243)).contains("뽕");
        assertThat(stream.step(102457)).isEmpty();
        assertThat(stream.step(113)).contains("빵");
    }

    @Test
    void streamsByteFallbackTokens() {
        // HF: streaming_tokenizer ("None example": <0x20>, <0xC3>, <0xA9> with a ByteFallback decoder)
        Map<Integer, String> vocab = Map.of(0, "<0x20>", 1, "<0xC3>", 2, "<0xA9>", 3, " This");
        StreamingDecoder stream = new StreamingDecoder(decodeWith(vocab, new ByteFallback()));

        assertThat(stream.step(0)).contains(" ");
        assertThat(stream.step(1)).isEmpty();
        assertThat(stream.step(2)).contains("é");
        assertThat(stream.step(2)).isEmpty();
    }

    @Test
    void keepsTheSpaceThatDecodingTokensOneByOneWouldDrop() {
        // HF: streaming_tokenizer (albert: Metaspace decoder)
        Map<Integer, String> vocab = Map.of(48, "▁this", 25, "▁is", 40, "▁an", 823, "▁example");
        Function<int[], String> decode = decodeWith(vocab, Metaspace.defaults());

        assertThat(new StreamingDecoder(decode).step(25)).contains("is");
        StreamingDecoder stream = new StreamingDecoder(decode);
        assertThat(stream.step(48)).contains("this");
        assertThat(stream.step(25)).contains(" is");
        assertThat(stream.step(40)).contains(" an");
        assertThat(stream.step(823)).contains(" example");
    }

    @Test
    void streamsAnEmojiSplitOverByteFallbackTokens() {
        StreamingDecoder stream = new StreamingDecoder(decodeWith(LLAMA2, LLAMA2_DECODER));

        assertThat(stream.step(15359)).contains("Hi");
        assertThat(stream.step(28705)).contains(" ");
        assertThat(stream.step(243)).isEmpty();
        assertThat(stream.step(162)).isEmpty();
        assertThat(stream.step(155)).isEmpty();
        assertThat(stream.step(131)).contains("😀");
        assertThat(stream.step(28808)).contains("!");
    }

    @Test
    void takesSeveralIdsInOneStep() {
        StreamingDecoder stream = new StreamingDecoder(decodeWith(LLAMA2, LLAMA2_DECODER));

        assertThat(stream.step(15359, 28705)).contains("Hi ");
        assertThat(stream.step(243, 162)).isEmpty();
        assertThat(stream.step(155, 131, 28808)).contains("😀!");
    }

    @Test
    void continuesAfterInitialIds() {
        // HF Python's DecodeStream(ids=[...]): the given ids are context, not output.
        Map<Integer, String> vocab = Map.of(48, "▁this", 25, "▁is");
        StreamingDecoder stream = new StreamingDecoder(decodeWith(vocab, Metaspace.defaults()), new int[] {48});

        assertThat(stream.step(25)).contains(" is");
    }

    @Test
    void keepsOnlyTheContextItNeeds() {
        StreamingDecoder stream = new StreamingDecoder(decodeWith(LLAMA3, LLAMA3_DECODER));
        for (int id : new int[] {32, 426, 356, 423}) {
            stream.step(id);
        }

        assertThat(stream.pendingIds()).containsExactly(423);
    }

    @Test
    void failsWhenTheTextNoLongerStartsWithWhatWasReturned() {
        Function<int[], String> reversed = ids -> {
            StringBuilder sb = new StringBuilder();
            for (int i = ids.length - 1; i >= 0; i--) {
                sb.append((char) ('a' + ids[i]));
            }
            return sb.toString();
        };
        StreamingDecoder stream = new StreamingDecoder(reversed);
        assertThat(stream.step(0)).isEqualTo(Optional.of("a"));

        assertThatThrownBy(() -> stream.step(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Invalid prefix");
    }
}
