package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.TokenizerFormatException;
import dev.tokensmith.core.decoder.BPEDecoder;
import dev.tokensmith.core.decoder.ByteFallback;
import dev.tokensmith.core.decoder.ByteLevel;
import dev.tokensmith.core.decoder.CTC;
import dev.tokensmith.core.decoder.Decoder;
import dev.tokensmith.core.decoder.Fuse;
import dev.tokensmith.core.decoder.Metaspace;
import dev.tokensmith.core.decoder.Replace;
import dev.tokensmith.core.decoder.Sequence;
import dev.tokensmith.core.decoder.Strip;
import dev.tokensmith.core.decoder.WordPiece;
import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import dev.tokensmith.core.pretokenizer.PrependScheme;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DecoderJsonTest {

    private static Decoder read(String json) throws Exception {
        return DecoderJson.read(JsonField.root(Json.MAPPER.readTree(json)));
    }

    private static String write(Decoder d) throws Exception {
        return Json.MAPPER.writeValueAsString(DecoderJson.write(d));
    }

    /** The same JSON, compact, with field order kept: written output must match it character for character. */
    private static String compact(String json) throws Exception {
        return Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(json));
    }

    static List<Decoder> everyType() {
        return List.of(
                BPEDecoder.defaults(),
                new ByteLevel(new ByteLevelConfig(true, false, true)),
                new WordPiece("##", false),
                new Metaspace('_', PrependScheme.FIRST, false),
                CTC.defaults(),
                new Sequence(List.of(new ByteFallback(), new Fuse(), new Strip(' ', 1, 0))),
                Replace.literal("▁", " "),
                Replace.regex("\\s+", " "),
                new Fuse(),
                new Strip(0x1F600, 2, 3),
                new ByteFallback());
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void readsWhatItWrites(Decoder decoder) throws Exception {
        Decoder back = read(write(decoder));

        assertThat(back).isEqualTo(decoder);
        assertThat(write(back)).isEqualTo(write(decoder));
    }

    @Test
    void writesWhatHfWrites() throws Exception {
        // HF serialization tests: metaspace.rs serialization, replace.rs serialization, mod.rs
        assertThat(write(new Metaspace('_', PrependScheme.ALWAYS, true)))
                .isEqualTo(
                        "{\"type\":\"Metaspace\",\"replacement\":\"_\",\"prepend_scheme\":\"always\",\"split\":true}");
        assertThat(write(Replace.literal("Hello", "Hey")))
                .isEqualTo("{\"type\":\"Replace\",\"pattern\":{\"String\":\"Hello\"},\"content\":\"Hey\"}");
        assertThat(write(Replace.regex("\\s+", " ")))
                .isEqualTo("{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"\\\\s+\"},\"content\":\" \"}");
        assertThat(write(new Fuse())).isEqualTo("{\"type\":\"Fuse\"}");
        assertThat(write(CTC.defaults()))
                .isEqualTo(
                        "{\"type\":\"CTC\",\"pad_token\":\"<pad>\",\"word_delimiter_token\":\"|\",\"cleanup\":true}");
        assertThat(write(BPEDecoder.defaults())).isEqualTo("{\"type\":\"BPEDecoder\",\"suffix\":\"</w>\"}");
    }

    @Test
    void readsLlama2sDecoder() throws Exception {
        // Verbatim from llama2's tokenizer.json.
        String json = """
                {
                    "type": "Sequence",
                    "decoders": [
                      {
                        "type": "Replace",
                        "pattern": {
                          "String": "▁"
                        },
                        "content": " "
                      },
                      {
                        "type": "ByteFallback"
                      },
                      {
                        "type": "Fuse"
                      },
                      {
                        "type": "Strip",
                        "content": " ",
                        "start": 1,
                        "stop": 0
                      }
                    ]
                  }""";

        Decoder d = read(json);

        assertThat(d)
                .isEqualTo(new Sequence(
                        List.of(Replace.literal("▁", " "), new ByteFallback(), new Fuse(), new Strip(' ', 1, 0))));
        assertThat(write(d)).isEqualTo(compact(json));
        assertThat(d.decode(List.of("▁Hello", "▁", "<0xF0>", "<0x9F>", "<0x98>", "<0x80>")))
                .isEqualTo("Hello 😀");
    }

    @Test
    void readsLlama3sDecoder() throws Exception {
        // Verbatim from llama3's tokenizer.json.
        String json = """
                {
                    "type": "ByteLevel",
                    "add_prefix_space": true,
                    "trim_offsets": true,
                    "use_regex": true
                  }""";

        Decoder d = read(json);

        assertThat(d).isEqualTo(new ByteLevel(new ByteLevelConfig(true, true, true)));
        assertThat(write(d)).isEqualTo(compact(json));
    }

    @Test
    void readsBertsDecoder() throws Exception {
        // Verbatim from bert's tokenizer.json (all-MiniLM-L6-v2).
        String json = """
                {
                    "type": "WordPiece",
                    "prefix": "##",
                    "cleanup": true
                  }""";

        Decoder d = read(json);

        assertThat(d).isEqualTo(WordPiece.defaults());
        assertThat(write(d)).isEqualTo(compact(json));
        assertThat(d.decode(List.of("un", "##aff", "##able", "!"))).isEqualTo("unaffable!");
    }

    @Test
    void readsAByteLevelWrittenBeforeUseRegexExisted() throws Exception {
        // HF byte_level.rs deserialization
        assertThat(read("{\"type\": \"ByteLevel\", \"add_prefix_space\": true, \"trim_offsets\": false}"))
                .isEqualTo(new ByteLevel(new ByteLevelConfig(true, false, true)));
        assertThat(
                        read(
                                "{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":false,\"use_regex\":false}"))
                .isEqualTo(new ByteLevel(new ByteLevelConfig(true, false, false)));
    }

    @Test
    void readsLegacyMetaspaceFields() throws Exception {
        // HF metaspace.rs serialization and mod.rs decoder_serialization
        Metaspace expected = new Metaspace('_', PrependScheme.ALWAYS, true);
        assertThat(read("{\"type\":\"Metaspace\",\"str_rep\":\"_\",\"replacement\":\"_\",\"add_prefix_space\":true,"
                        + "\"prepend_scheme\":\"always\"}"))
                .isEqualTo(expected);
        assertThat(read("{\"type\":\"Metaspace\",\"replacement\":\"_\",\"add_prefix_space\":true}"))
                .isEqualTo(expected);
        assertThat(read("{\"type\":\"Metaspace\",\"replacement\":\"_\",\"add_prefix_space\":false,"
                        + "\"prepend_scheme\":\"never\"}"))
                .isEqualTo(new Metaspace('_', PrependScheme.NEVER, true));

        Decoder old = read("{\"type\":\"Sequence\",\"decoders\":[{\"type\":\"ByteFallback\"},{\"type\":\"Metaspace\","
                + "\"replacement\":\"▁\",\"add_prefix_space\":true,\"prepend_scheme\":\"always\"}]}");
        assertThat(write(old))
                .isEqualTo("{\"type\":\"Sequence\",\"decoders\":[{\"type\":\"ByteFallback\"},{\"type\":\"Metaspace\","
                        + "\"replacement\":\"▁\",\"prepend_scheme\":\"always\",\"split\":true}]}");
    }

    @Test
    void rejectsAddPrefixSpaceFalseWithAPrependingScheme() {
        // HF metaspace.rs serialization: add_prefix_space false contradicts prepend_scheme always (its default)
        assertThatThrownBy(() -> read("{\"type\":\"Metaspace\",\"replacement\":\"_\",\"add_prefix_space\":false,"
                        + "\"prepend_scheme\":\"always\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("add_prefix_space does not match declared prepend_scheme");
        assertThatThrownBy(() -> read("{\"type\":\"Metaspace\",\"replacement\":\"_\",\"add_prefix_space\":false}"))
                .isInstanceOf(TokenizerFormatException.class);
    }

    @Test
    void readsEachPrependSchemeByItsSnakeCaseName() throws Exception {
        // HF metaspace.rs: PrependScheme is serialized in snake_case; a null one keeps the default (always)
        assertThat(read("{\"type\":\"Metaspace\",\"replacement\":\"_\",\"prepend_scheme\":\"first\"}"))
                .isEqualTo(new Metaspace('_', PrependScheme.FIRST, true));
        assertThat(read("{\"type\":\"Metaspace\",\"replacement\":\"_\",\"prepend_scheme\":null}"))
                .isEqualTo(new Metaspace('_', PrependScheme.ALWAYS, true));
        assertThatThrownBy(() -> read("{\"type\":\"Metaspace\",\"replacement\":\"_\",\"prepend_scheme\":\"First\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("$.prepend_scheme")
                .hasMessageContaining("expected \"first\", \"never\" or \"always\", found \"First\"");
    }

    @Test
    void needsATypeOnEveryDecoder() {
        // HF mod.rs decoder_serialization_no_decode
        assertThatThrownBy(() -> read("{\"type\":\"Sequence\",\"decoders\":[{},{\"type\":\"Fuse\"}]}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("$.decoders[0]");
        assertThatThrownBy(() -> read("{\"replacement\":\"▁\",\"prepend_scheme\":\"always\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("type");
        assertThatThrownBy(() -> read("{\"type\":\"Sequence\",\"prepend_scheme\":\"always\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("$.decoders");
    }

    @Test
    void namesTheSupportedTypesForAnUnknownOne() {
        assertThatThrownBy(() -> read("{\"type\":\"Unknown\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("Unknown")
                .hasMessageContaining("ByteFallback");
    }

    @Test
    void requiresTheFieldsHfRequires() {
        assertThatThrownBy(() -> read("{\"type\":\"WordPiece\",\"prefix\":\"##\"}"))
                .hasMessageContaining("$.cleanup");
        assertThatThrownBy(() -> read("{\"type\":\"ByteLevel\",\"add_prefix_space\":true}"))
                .hasMessageContaining("$.trim_offsets");
        assertThatThrownBy(() -> read("{\"type\":\"Strip\",\"content\":\" \",\"start\":1}"))
                .hasMessageContaining("$.stop");
    }

    @Test
    void readsCharactersAsSingleCodePoints() throws Exception {
        assertThat(read("{\"type\":\"Strip\",\"content\":\"😀\",\"start\":1,\"stop\":0}"))
                .isEqualTo(new Strip(0x1F600, 1, 0));
        assertThatThrownBy(() -> read("{\"type\":\"Strip\",\"content\":\"ab\",\"start\":1,\"stop\":0}"))
                .hasMessageContaining("$.content");
        assertThatThrownBy(() -> read("{\"type\":\"Metaspace\",\"replacement\":\"\"}"))
                .hasMessageContaining("$.replacement");
        assertThatThrownBy(() -> read("{\"type\":\"Strip\",\"content\":\" \",\"start\":-1,\"stop\":0}"))
                .hasMessageContaining("$.start");
    }

    @Test
    void reportsAnInvalidRegexAtItsPath() {
        assertThatThrownBy(() -> read("{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"(\"},\"content\":\"\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("$.pattern.Regex");
        assertThatThrownBy(() -> read("{\"type\":\"Replace\",\"pattern\":{\"Glob\":\"*\"},\"content\":\"\"}"))
                .hasMessageContaining("Glob");
    }
}
