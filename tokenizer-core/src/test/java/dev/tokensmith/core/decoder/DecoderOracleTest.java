package dev.tokensmith.core.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.WordLevelOracle;
import dev.tokensmith.core.format.DecoderJson;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.JsonField;
import dev.tokensmith.core.text.ByteLevelAlphabet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every decoder against HF's decode (through DJL), on token lists chosen to reach each rule. */
class DecoderOracleTest {
    private static final String LLAMA2 = """
            {"type":"Sequence","decoders":[{"type":"Replace","pattern":{"String":"▁"},"content":" "},
             {"type":"ByteFallback"},{"type":"Fuse"},{"type":"Strip","content":" ","start":1,"stop":0}]}""";
    private static final String BYTE_LEVEL =
            "{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":true,\"use_regex\":true}";

    /** Byte strings of Rust's from_utf8_lossy test, plus truncated and valid sequences, in Latin-1 notation. */
    private static final List<String> BYTE_CASES = List.of(
            "Hello\u00C2 There\u00FF Goodbye",
            "Hello\u00C0\u0080 There\u00E6\u0083 Goodbye",
            "\u00F5foo\u00F5\u0080bar",
            "\u00F1foo\u00F1\u0080bar\u00F1\u0080\u0080baz",
            "\u00F4foo\u00F4\u0080bar\u00F4\u00BFbaz",
            "\u00F0\u0080\u0080\u0080foo\u00F0\u0090\u0080\u0080bar",
            "\u00ED\u00A0\u0080foo\u00ED\u00BF\u00BFbar",
            "\u00C0\u00AF\u00E0\u0080\u00AF",
            "\u00F4\u0090\u0080\u0080\u00F4\u008F\u00BF\u00BF",
            "ok\u00F0\u009F\u0098",
            "\u00E5\u008F",
            "\u00F0\u009F\u0098\u0080 \u00E2\u0082\u00AC");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String latin1 : BYTE_CASES) {
            String alphabet =
                    ByteLevelAlphabet.encode(latin1.getBytes(StandardCharsets.ISO_8859_1), 0, latin1.length());
            int cut = alphabet.length() / 2;
            out.add(Arguments.of(BYTE_LEVEL, List.of(alphabet.substring(0, cut), alphabet.substring(cut))));
            List<String> byteTokens = new ArrayList<>();
            for (byte b : latin1.getBytes(StandardCharsets.ISO_8859_1)) {
                byteTokens.add(String.format("<0x%02X>", b & 0xFF));
            }
            out.add(Arguments.of("{\"type\":\"ByteFallback\"}", byteTokens));
        }
        out.add(Arguments.of(BYTE_LEVEL, List.of("Hello", "Ġthere", "Ġ", "[PA D]", "é")));
        out.add(Arguments.of(BYTE_LEVEL, List.of()));
        out.add(Arguments.of(
                "{\"type\":\"ByteFallback\"}", List.of("<0xE5>", "<0x8F>", "<0xAB>", "a", "<0xE5>", "<0x8F>")));
        out.add(Arguments.of("{\"type\":\"ByteFallback\"}", List.of("<0x+A>", "<0x6>", "<0x061>", "<0xG1>", "<0x-1>")));
        out.add(Arguments.of(LLAMA2, List.of("▁Hi", "▁", "<0xF0>", "<0x9F>", "<0x98>", "<0x80>", "!")));
        out.add(Arguments.of(LLAMA2, List.of("▁▁a", "<0xF0>", "<0x9F>", "▁b")));
        out.add(Arguments.of(LLAMA2, List.of()));
        out.add(Arguments.of(
                "{\"type\":\"Strip\",\"content\":\" \",\"start\":0,\"stop\":2}", List.of("a ", "b   ", " c")));
        out.add(Arguments.of(
                "{\"type\":\"Strip\",\"content\":\"x\",\"start\":2,\"stop\":1}", List.of("xxxa", "xax", "ax")));
        for (String scheme : new String[] {"always", "first", "never"}) {
            out.add(Arguments.of(
                    "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"" + scheme
                            + "\",\"split\":true}",
                    List.of("▁a▁b", "▁Hey", "▁friend!")));
        }
        for (String cleanup : new String[] {"true", "false"}) {
            out.add(Arguments.of(
                    "{\"type\":\"WordPiece\",\"prefix\":\"##\",\"cleanup\":" + cleanup + "}",
                    List.of("##x", "hello", ",", "i", "don", "##'", "##t", "know", "'", "s", "!", "do", "n't")));
            out.add(Arguments.of(
                    "{\"type\":\"CTC\",\"pad_token\":\"<pad>\",\"word_delimiter_token\":\"|\",\"cleanup\":" + cleanup
                            + "}",
                    List.of("<pad>", "h", "e", "e", "<pad>", "e", "|", "|", "<pad>", "w", ",", "'", "s")));
        }
        out.add(Arguments.of(
                "{\"type\":\"BPEDecoder\",\"suffix\":\"</w>\"}", List.of("hel", "lo</w>", "wor</w>ld</w>")));
        out.add(Arguments.of("{\"type\":\"BPEDecoder\",\"suffix\":\"\"}", List.of("ab", "cd")));
        out.add(Arguments.of(
                "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"a*\"},\"content\":\"-\"}",
                List.of("ab", "baa", "ccc")));
        out.add(Arguments.of("{\"type\":\"Replace\",\"pattern\":{\"String\":\"\"},\"content\":\"-\"}", List.of("ab")));
        out.add(Arguments.of(
                "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"\\\\s+\"},\"content\":\"_\"}", List.of("a  b\tc ")));
        out.add(Arguments.of("{\"type\":\"Fuse\"}", List.of("a", " b")));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesHf(String decoderJson, List<String> tokens) throws Exception {
        JsonNode node = Json.MAPPER.readTree(decoderJson);
        Decoder decoder = DecoderJson.read(JsonField.root(node));
        Set<String> vocab = new LinkedHashSet<>(tokens);
        vocab.add("unused");

        try (WordLevelOracle oracle = WordLevelOracle.of(List.copyOf(vocab), null, node)) {
            assertThat(decoder.decode(tokens)).isEqualTo(oracle.decode(tokens));
        }
    }
}
