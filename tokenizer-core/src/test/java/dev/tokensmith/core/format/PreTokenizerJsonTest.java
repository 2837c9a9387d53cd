package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tokensmith.core.TokenizerFormatException;
import dev.tokensmith.core.pretokenizer.BertPreTokenizer;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import dev.tokensmith.core.pretokenizer.CharDelimiterSplit;
import dev.tokensmith.core.pretokenizer.Digits;
import dev.tokensmith.core.pretokenizer.FixedLength;
import dev.tokensmith.core.pretokenizer.Metaspace;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.pretokenizer.PrependScheme;
import dev.tokensmith.core.pretokenizer.Punctuation;
import dev.tokensmith.core.pretokenizer.Sequence;
import dev.tokensmith.core.pretokenizer.Split;
import dev.tokensmith.core.pretokenizer.UnicodeScripts;
import dev.tokensmith.core.pretokenizer.Whitespace;
import dev.tokensmith.core.pretokenizer.WhitespaceSplit;
import dev.tokensmith.core.text.SplitBehavior;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreTokenizerJsonTest {
    static final String LLAMA3 =
            "{\"type\": \"Sequence\", \"pretokenizers\": [{\"type\": \"Split\", \"pattern\": {\"Regex\":"
                    + " \"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\\\r\\\\n\\\\p{L}\\\\p{N}]?\\\\p{L}+|\\\\p{N}{1,3}| ?[^\\\\s\\\\p{L}\\\\p{N}]+"
                    + "[\\\\r\\\\n]*|\\\\s*[\\\\r\\\\n]+|\\\\s+(?!\\\\S)|\\\\s+\"}, \"behavior\": \"Isolated\", \"invert\": false},"
                    + " {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true, \"use_regex\": false}]}";
    static final String GPT4O =
            "{\"type\": \"Sequence\", \"pretokenizers\": [{\"type\": \"Split\", \"pattern\": {\"Regex\":"
                    + " \"[^\\\\r\\\\n\\\\p{L}\\\\p{N}]?[\\\\p{Lu}\\\\p{Lt}\\\\p{Lm}\\\\p{Lo}\\\\p{M}]*[\\\\p{Ll}\\\\p{Lm}\\\\p{Lo}\\\\p{M}]+"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\\\\r\\\\n\\\\p{L}\\\\p{N}]?[\\\\p{Lu}\\\\p{Lt}\\\\p{Lm}\\\\p{Lo}\\\\p{M}]+"
                    + "[\\\\p{Ll}\\\\p{Lm}\\\\p{Lo}\\\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\\\\p{N}{1,3}| ?[^\\\\s\\\\p{L}\\\\p{N}]+"
                    + "[\\\\r\\\\n/]*|\\\\s*[\\\\r\\\\n]+|\\\\s+(?!\\\\S)|\\\\s+\"}, \"behavior\": \"Removed\", \"invert\": true},"
                    + " {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true, \"use_regex\": false}]}";
    static final String BERT = "{\"type\": \"BertPreTokenizer\"}";

    static PreTokenizer read(String json) {
        try {
            return PreTokenizerJson.read(JsonField.root(Json.MAPPER.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String write(PreTokenizer p) {
        return PreTokenizerJson.write(p).toString();
    }

    @Test
    void readsLlama3() {
        PreTokenizer p = read(LLAMA3);
        assertThat(p).isInstanceOf(Sequence.class);
        List<PreTokenizer> steps = ((Sequence) p).preTokenizers();
        assertThat(steps.get(0)).isInstanceOf(Split.class);
        Split split = (Split) steps.get(0);
        assertThat(split.kind()).isEqualTo(Split.Kind.REGEX);
        assertThat(split.pattern()).startsWith("(?i:'s|'t|");
        assertThat(split.behavior()).isEqualTo(SplitBehavior.ISOLATED);
        assertThat(split.invert()).isFalse();
        assertThat(steps.get(1)).isEqualTo(new ByteLevel(false, true, false));
    }

    @Test
    void readsGpt4o() {
        Sequence p = (Sequence) read(GPT4O);
        Split split = (Split) p.preTokenizers().get(0);
        assertThat(split.behavior()).isEqualTo(SplitBehavior.REMOVED);
        assertThat(split.invert()).isTrue();
        assertThat(p.preTokenizers().get(1)).isEqualTo(new ByteLevel(false, true, false));
    }

    @Test
    void readsBert() {
        assertThat(read(BERT)).isEqualTo(new BertPreTokenizer());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"BertPreTokenizer\"}",
                "{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":false,\"use_regex\":true}",
                "{\"type\":\"CharDelimiterSplit\",\"delimiter\":\"😀\"}",
                "{\"type\":\"Digits\",\"individual_digits\":true}",
                "{\"type\":\"FixedLength\",\"length\":7}",
                "{\"type\":\"Metaspace\",\"replacement\":\"_\",\"prepend_scheme\":\"always\",\"split\":true}",
                "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"first\",\"split\":false}",
                "{\"type\":\"Punctuation\",\"behavior\":\"Contiguous\"}",
                "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"WhitespaceSplit\"},{\"type\":\"Digits\",\"individual_digits\":false}]}",
                "{\"type\":\"Split\",\"pattern\":{\"String\":\"Hello\"},\"behavior\":\"Removed\",\"invert\":true}",
                "{\"type\":\"Split\",\"pattern\":{\"Regex\":\"\\\\s+\"},\"behavior\":\"Isolated\",\"invert\":false}",
                "{\"type\":\"UnicodeScripts\"}",
                "{\"type\":\"Whitespace\"}",
                "{\"type\":\"WhitespaceSplit\"}"
            })
    void writesWhatHfWritesAndReadsItBack(String json) {
        // Split and Metaspace strings are HF's own serialization tests (split.rs, metaspace.rs tests::serialization)
        PreTokenizer p = read(json);
        assertThat(write(p)).isEqualTo(json);
        assertThat(read(write(p))).isEqualTo(p);
    }

    @Test
    void realFilesRoundTrip() {
        for (String json : List.of(LLAMA3, GPT4O, BERT)) {
            PreTokenizer p = read(json);
            assertThat(read(write(p))).isEqualTo(p);
        }
    }

    @Test
    void everyTypeRoundTripsFromObjects() {
        List<PreTokenizer> all = List.of(
                new BertPreTokenizer(),
                new ByteLevel(ByteLevelConfig.DEFAULT),
                new CharDelimiterSplit(' '),
                new Digits(false),
                new FixedLength(3),
                new Metaspace('_', PrependScheme.NEVER, false),
                new Punctuation(SplitBehavior.MERGED_WITH_NEXT),
                new Sequence(List.of(new Whitespace(), new UnicodeScripts())),
                Split.string("a.b", SplitBehavior.MERGED_WITH_PREVIOUS, false),
                Split.regex("\\p{L}+", SplitBehavior.CONTIGUOUS, true),
                new UnicodeScripts(),
                new Whitespace(),
                new WhitespaceSplit());
        for (PreTokenizer p : all) {
            assertThat(read(write(p))).as(write(p)).isEqualTo(p);
        }
    }

    @Test
    void byteLevelUseRegexDefaultsToTrue() {
        // HF byte_level.rs tests::deserialization
        assertThat(read("{\"type\": \"ByteLevel\", \"add_prefix_space\": true, \"trim_offsets\": false}"))
                .isEqualTo(new ByteLevel(true, false, true));
        assertThat(
                        read(
                                "{\"type\": \"ByteLevel\", \"add_prefix_space\": true, \"trim_offsets\": false, \"use_regex\": false}"))
                .isEqualTo(new ByteLevel(true, false, false));
    }

    @Test
    void metaspaceReadsLegacyFields() {
        // HF pre_tokenizers/mod.rs tests::test_deserialize and metaspace.rs tests::serialization
        assertThat(read(
                        "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"WhitespaceSplit\"},{\"type\":\"Metaspace\","
                                + "\"replacement\":\"▁\",\"str_rep\":\"▁\",\"add_prefix_space\":true}]}"))
                .isEqualTo(new Sequence(List.of(new WhitespaceSplit(), new Metaspace())));
        assertThat(
                        read(
                                "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"add_prefix_space\":true, \"prepend_scheme\":\"first\"}"))
                .isEqualTo(new Metaspace('▁', PrependScheme.FIRST, true));
        assertThat(read("{\"type\":\"Metaspace\",\"replacement\":\"_\",\"add_prefix_space\":true}"))
                .isEqualTo(new Metaspace('_', PrependScheme.ALWAYS, true));
        assertThat(
                        read(
                                "{\"type\":\"Metaspace\",\"replacement\":\"_\",\"add_prefix_space\":false,\"prepend_scheme\":\"never\"}"))
                .isEqualTo(new Metaspace('_', PrependScheme.NEVER, true));
        // HF pre_tokenizers/mod.rs tests::pre_tokenizer_deserialization_no_type
        assertThat(read("{\"type\":\"Metaspace\", \"replacement\":\"▁\" }")).isEqualTo(new Metaspace());
    }

    @Test
    void punctuationAndFixedLengthHaveDefaults() {
        // HF punctuation.rs tests::deserialization
        assertThat(read("{\"type\": \"Punctuation\"}")).isEqualTo(new Punctuation());
        assertThat(read("{\"type\": \"FixedLength\"}")).isEqualTo(new FixedLength(5));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // HF metaspace.rs tests::serialization: the legacy false contradicts the declared scheme
                "{\"type\":\"Metaspace\",\"replacement\":\"_\",\"add_prefix_space\":false,\"prepend_scheme\":\"always\"}"
                        + "|$.add_prefix_space|does not match declared prepend_scheme",
                "{\"type\":\"Metaspace\",\"replacement\":\"_\",\"add_prefix_space\":false}|$.add_prefix_space|does not match",
                // HF mod.rs tests::pre_tokenizer_deserialization_no_type
                "{\"type\":\"Metaspace\", \"add_prefix_space\":true }|$.replacement|missing required field",
                "{\"behavior\":\"default_split\"}|$.type|missing required field",
                "{\"type\":\"Metaspace\",\"replacement\":\"ab\"}|$.replacement|single character",
                "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"sometimes\"}|$.prepend_scheme|sometimes",
                "{\"type\":\"Delimiter\",\"delimiter\":\" \"}|$.type|unsupported type \"Delimiter\"",
                "{\"type\":\"ByteLevel\"}|$.add_prefix_space|missing required field",
                "{\"type\":\"ByteLevel\",\"add_prefix_space\":true}|$.trim_offsets|missing required field",
                "{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":true,\"use_regex\":null}|$.use_regex|found null",
                "{\"type\":\"Digits\"}|$.individual_digits|missing required field",
                "{\"type\":\"FixedLength\",\"length\":-1}|$.length|positive",
                "{\"type\":\"FixedLength\",\"length\":0}|$.length|positive",
                "{\"type\":\"Split\",\"pattern\":{\"Regex\":\"\\\\s+\"},\"behavior\":\"Isolated\"}|$.invert|missing required field",
                "{\"type\":\"Split\",\"pattern\":{\"Regex\":\"\\\\s+\"},\"invert\":false}|$.behavior|missing required field",
                "{\"type\":\"Split\",\"pattern\":{\"Regex\":\"a\",\"String\":\"b\"},\"behavior\":\"Isolated\",\"invert\":false}"
                        + "|$.pattern|one key",
                "{\"type\":\"Split\",\"pattern\":{\"Glob\":\"a\"},\"behavior\":\"Isolated\",\"invert\":false}|$.pattern|Glob",
                "{\"type\":\"Split\",\"pattern\":\"a\",\"behavior\":\"Isolated\",\"invert\":false}|$.pattern|expected an object",
                "{\"type\":\"Split\",\"pattern\":{\"Regex\":\"(a\"},\"behavior\":\"Isolated\",\"invert\":false}"
                        + "|$.pattern.Regex|unmatched parenthesis",
                "{\"type\":\"Punctuation\",\"behavior\":\"Weird\"}|$.behavior|Weird",
                "{\"type\":\"Punctuation\",\"behavior\":null}|$.behavior|found null",
                "{\"type\":\"Sequence\"}|$.pretokenizers|missing required field",
                "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Nope\"}]}|$.pretokenizers[0].type|unsupported type"
            })
    void rejectsWhatHfRejectsNamingThePath(String json, String path, String problem) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(TokenizerFormatException.class)
                .satisfies(
                        e -> assertThat(((TokenizerFormatException) e).path()).isEqualTo(path))
                .hasMessageContaining(problem);
    }

    @Test
    void unknownFieldsAreIgnoredAsSerdeDoes() {
        assertThat(read("{\"type\":\"Whitespace\",\"extra\":1}")).isEqualTo(new Whitespace());
    }
}
