package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.TokenizerFormatException;
import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import dev.tokensmith.core.processor.BertProcessing;
import dev.tokensmith.core.processor.ByteLevel;
import dev.tokensmith.core.processor.Piece;
import dev.tokensmith.core.processor.PostProcessor;
import dev.tokensmith.core.processor.RobertaProcessing;
import dev.tokensmith.core.processor.Sequence;
import dev.tokensmith.core.processor.SpecialToken;
import dev.tokensmith.core.processor.TemplateProcessing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessorJsonTest {
    // HF's get_bert_template() and its serialization (template.rs template_processing_serde).
    private static final TemplateProcessing BERT_TEMPLATE = TemplateProcessing.of(
            "[CLS] $0 [SEP]",
            "[CLS]:0 $A:0 [SEP]:0 $B:1 [SEP]:1",
            List.of(SpecialToken.of("[CLS]", 1), SpecialToken.of("[SEP]", 0)));
    private static final String BERT_TEMPLATE_JSON = "{\"type\":\"TemplateProcessing\","
            + "\"single\":[{\"SpecialToken\":{\"id\":\"[CLS]\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},"
            + "{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":0}}],"
            + "\"pair\":[{\"SpecialToken\":{\"id\":\"[CLS]\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},"
            + "{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":0}},{\"Sequence\":{\"id\":\"B\",\"type_id\":1}},"
            + "{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":1}}],"
            + "\"special_tokens\":{\"[CLS]\":{\"id\":\"[CLS]\",\"ids\":[1],\"tokens\":[\"[CLS]\"]},"
            + "\"[SEP]\":{\"id\":\"[SEP]\",\"ids\":[0],\"tokens\":[\"[SEP]\"]}}}";

    private static PostProcessor read(String json) throws Exception {
        return ProcessorJson.read(JsonField.root(Json.MAPPER.readTree(json)));
    }

    private static String write(PostProcessor p) throws Exception {
        return Json.MAPPER.writeValueAsString(ProcessorJson.write(p));
    }

    private static String compact(String json) throws Exception {
        return Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(json));
    }

    static List<PostProcessor> everyType() {
        return List.of(
                BertProcessing.defaults(),
                new RobertaProcessing("</s>", 2, "<s>", 0, false, true),
                new ByteLevel(new ByteLevelConfig(true, false, false)),
                BERT_TEMPLATE,
                new TemplateProcessing(
                        Piece.parseTemplate("$B:1 [2FR]:3 $A"),
                        Piece.parseTemplate("$A $B"),
                        Map.of(
                                "[2FR]",
                                new SpecialToken("[2FR]", new int[] {1, 2, 3}, List.of("convert", "to", "FR")))),
                new Sequence(List.of(new ByteLevel(new ByteLevelConfig(true, true, true)), BERT_TEMPLATE)));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void readsWhatItWrites(PostProcessor processor) throws Exception {
        PostProcessor back = read(write(processor));

        assertThat(back).isEqualTo(processor);
        assertThat(write(back)).isEqualTo(write(processor));
    }

    @Test
    void writesWhatHfWrites() throws Exception {
        // HF serde tests in bert.rs, roberta.rs, template.rs
        assertThat(write(BertProcessing.defaults()))
                .isEqualTo("{\"type\":\"BertProcessing\",\"sep\":[\"[SEP]\",102],\"cls\":[\"[CLS]\",101]}");
        assertThat(write(RobertaProcessing.defaults()))
                .isEqualTo("{\"type\":\"RobertaProcessing\",\"sep\":[\"</s>\",2],\"cls\":[\"<s>\",0],"
                        + "\"trim_offsets\":true,\"add_prefix_space\":true}");
        assertThat(write(BERT_TEMPLATE)).isEqualTo(BERT_TEMPLATE_JSON);
        assertThat(read(BERT_TEMPLATE_JSON)).isEqualTo(BERT_TEMPLATE);
    }

    @Test
    void writesSpecialTokensSortedByKey() throws Exception {
        TemplateProcessing t = new TemplateProcessing(
                Piece.parseTemplate("$A"),
                Piece.parseTemplate("$A $B"),
                Map.of(
                        "b",
                        SpecialToken.of("b", 2),
                        "a",
                        SpecialToken.of("a", 1),
                        "\uFF21",
                        SpecialToken.of("x", 4),
                        "\uD83D\uDE00",
                        SpecialToken.of("y", 3)));

        assertThat(write(t))
                .contains("\"special_tokens\":{\"a\":")
                .containsSubsequence("\"b\":", "\"\uFF21\":", "\"\uD83D\uDE00\":");
    }

    @Test
    void readsBertsTemplate() throws Exception {
        // Verbatim from bert's tokenizer.json (all-MiniLM-L6-v2).
        String json = """
                {
                    "type": "TemplateProcessing",
                    "single": [
                      {
                        "SpecialToken": {
                          "id": "[CLS]",
                          "type_id": 0
                        }
                      },
                      {
                        "Sequence": {
                          "id": "A",
                          "type_id": 0
                        }
                      },
                      {
                        "SpecialToken": {
                          "id": "[SEP]",
                          "type_id": 0
                        }
                      }
                    ],
                    "pair": [
                      {
                        "SpecialToken": {
                          "id": "[CLS]",
                          "type_id": 0
                        }
                      },
                      {
                        "Sequence": {
                          "id": "A",
                          "type_id": 0
                        }
                      },
                      {
                        "SpecialToken": {
                          "id": "[SEP]",
                          "type_id": 0
                        }
                      },
                      {
                        "Sequence": {
                          "id": "B",
                          "type_id": 1
                        }
                      },
                      {
                        "SpecialToken": {
                          "id": "[SEP]",
                          "type_id": 1
                        }
                      }
                    ],
                    "special_tokens": {
                      "[CLS]": {
                        "id": "[CLS]",
                        "ids": [
                          101
                        ],
                        "tokens": [
                          "[CLS]"
                        ]
                      },
                      "[SEP]": {
                        "id": "[SEP]",
                        "ids": [
                          102
                        ],
                        "tokens": [
                          "[SEP]"
                        ]
                      }
                    }
                  }""";

        PostProcessor p = read(json);

        assertThat(p)
                .isEqualTo(TemplateProcessing.of(
                        "[CLS] $A [SEP]",
                        "[CLS] $A [SEP] $B:1 [SEP]:1",
                        List.of(SpecialToken.of("[CLS]", 101), SpecialToken.of("[SEP]", 102))));
        assertThat(write(p)).isEqualTo(compact(json));
        assertThat(p.addedTokens(false)).isEqualTo(2);
        assertThat(p.addedTokens(true)).isEqualTo(3);
    }

    @Test
    void readsLlama2sTemplate() throws Exception {
        String json = "{\"type\":\"TemplateProcessing\","
                + "\"single\":[{\"SpecialToken\":{\"id\":\"<s>\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}}],"
                + "\"pair\":[{\"SpecialToken\":{\"id\":\"<s>\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},"
                + "{\"SpecialToken\":{\"id\":\"<s>\",\"type_id\":1}},{\"Sequence\":{\"id\":\"B\",\"type_id\":1}}],"
                + "\"special_tokens\":{\"<s>\":{\"id\":\"<s>\",\"ids\":[1],\"tokens\":[\"<s>\"]}}}";

        PostProcessor p = read(json);

        assertThat(p)
                .isEqualTo(TemplateProcessing.of("<s> $A", "<s> $A <s>:1 $B:1", List.of(SpecialToken.of("<s>", 1))));
        assertThat(write(p)).isEqualTo(json);
    }

    @Test
    void readsLlama3sPostProcessor() throws Exception {
        // Verbatim from llama3's tokenizer.json.
        String json = """
                {
                    "type": "ByteLevel",
                    "add_prefix_space": true,
                    "trim_offsets": false,
                    "use_regex": true
                  }""";

        PostProcessor p = read(json);

        assertThat(p).isEqualTo(new ByteLevel(new ByteLevelConfig(true, false, true)));
        assertThat(write(p)).isEqualTo(compact(json));
    }

    @Test
    void readsTemplatesInPieceNotation() throws Exception {
        // Not HF's JSON (its reader refuses strings), but HF's Python constructor notation.
        String json = "{\"type\":\"TemplateProcessing\",\"single\":\"[CLS] $0 [SEP]\","
                + "\"pair\":[\"[CLS]:0\",\"$A:0\",\"[SEP]:0\",\"$B:1\",\"[SEP]:1\"],"
                + "\"special_tokens\":{\"[CLS]\":{\"id\":\"[CLS]\",\"ids\":[1],\"tokens\":[\"[CLS]\"]},"
                + "\"[SEP]\":{\"id\":\"[SEP]\",\"ids\":[0],\"tokens\":[\"[SEP]\"]}}}";

        PostProcessor p = read(json);

        assertThat(p).isEqualTo(BERT_TEMPLATE);
        assertThat(write(p)).isEqualTo(BERT_TEMPLATE_JSON);
        assertThatThrownBy(() -> read(json.replace("$B:1", "$C:1")))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("$.pair[3]")
                .hasMessageContaining("Cannot build Piece from string \"$C:1\"");
    }

    @Test
    void matchesProcessorsByTheirFieldsInHfsOrder() throws Exception {
        // HF processors/mod.rs post_processor_deserialization_no_type: Bert and Roberta need no type
        assertThat(read("{\"sep\":[\"[SEP]\",102],\"cls\":[\"[CLS]\",101]}")).isEqualTo(BertProcessing.defaults());
        assertThat(
                        read(
                                "{\"sep\":[\"</s>\",2], \"cls\":[\"<s>\",0], \"trim_offsets\":true, \"add_prefix_space\":true}"))
                .isEqualTo(RobertaProcessing.defaults());
        // ...and HF tries RobertaProcessing first whatever the type says.
        assertThat(read("{\"type\":\"BertProcessing\",\"sep\":[\"</s>\",2],\"cls\":[\"<s>\",0],"
                        + "\"trim_offsets\":true,\"add_prefix_space\":true}"))
                .isEqualTo(RobertaProcessing.defaults());
    }

    @Test
    void rejectsWhatMatchesNoProcessor() {
        // HF processors/mod.rs post_processor_deserialization_no_type
        assertThatThrownBy(() -> read("{\"add_prefix_space\": true, \"trim_offsets\": false, \"use_regex\": false}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("no \"type\"");
        assertThatThrownBy(() -> read("{\"type\":\"RobertaProcessing\", \"sep\":[\"</s>\",2] }"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("$.cls");
        assertThatThrownBy(() -> read("{\"type\":\"Other\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("Other")
                .hasMessageContaining("TemplateProcessing");
    }

    @Test
    void reportsErrorsOfTheDeclaredTypeWithTheirPath() {
        assertThatThrownBy(() -> read("{\"type\":\"Sequence\",\"processors\":[{\"type\":\"ByteLevel\","
                        + "\"add_prefix_space\":true}]}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("$.processors[0].trim_offsets");
        assertThatThrownBy(
                        () -> read("{\"type\":\"BertProcessing\",\"sep\":[\"[SEP]\",102,3],\"cls\":[\"[CLS]\",101]}"))
                .hasMessageContaining("$.sep");
        assertThatThrownBy(() -> read("{\"type\":\"BertProcessing\",\"sep\":[\"[SEP]\",-1],\"cls\":[\"[CLS]\",101]}"))
                .hasMessageContaining("$.sep[1]");
    }

    @Test
    void rejectsASpecialTokenWithMoreIdsThanTokens() {
        assertThatThrownBy(() -> read("{\"type\":\"TemplateProcessing\",\"single\":[],\"pair\":[],"
                        + "\"special_tokens\":{\"x\":{\"id\":\"x\",\"ids\":[1,2],\"tokens\":[\"x\"]}}}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("$.special_tokens.x");
    }

    @Test
    void rejectsMalformedTemplatePieces() {
        String template = "{\"type\":\"TemplateProcessing\",\"single\":[%s],\"pair\":[],\"special_tokens\":{}}";
        assertThatThrownBy(() -> read(template.formatted("{\"Sequence\":{\"id\":\"C\",\"type_id\":0}}")))
                .hasMessageContaining("$.single[0].Sequence.id");
        assertThatThrownBy(() -> read(template.formatted("{\"Sequence\":{\"id\":\"A\"}}")))
                .hasMessageContaining("$.single[0].Sequence.type_id");
        assertThatThrownBy(() -> read(template.formatted("{\"Other\":{}}"))).hasMessageContaining("Other");
    }
}
