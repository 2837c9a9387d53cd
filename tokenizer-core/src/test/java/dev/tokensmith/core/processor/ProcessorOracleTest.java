package dev.tokensmith.core.processor;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.jni.CharSpan;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.WordLevelOracle;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.JsonField;
import dev.tokensmith.core.format.ProcessorJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every post-processor against HF (through DJL) on a WordLevel model with whitespace splitting: ids, tokens,
 * type ids, special-tokens mask, sequence ids, word ids, offsets and overflowing parts, for single inputs and
 * pairs, with and without special tokens, with and without truncation.
 */
class ProcessorOracleTest {
    private static final String TEXT = "ĠHello ĠĠthere HelloĠĠ ĠĠĠĠ x";
    private static final String PAIR = "ĠĠpair Ġ with";

    private static final String BERT_TEMPLATE = """
            {"type":"TemplateProcessing",
             "single":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},
                       {"SpecialToken":{"id":"[SEP]","type_id":0}}],
             "pair":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},
                     {"SpecialToken":{"id":"[SEP]","type_id":0}},{"Sequence":{"id":"B","type_id":1}},
                     {"SpecialToken":{"id":"[SEP]","type_id":1}}],
             "special_tokens":{"[CLS]":{"id":"[CLS]","ids":[101],"tokens":["[CLS]"]},
                               "[SEP]":{"id":"[SEP]","ids":[102],"tokens":["[SEP]"]}}}""";
    private static final String LLAMA2_TEMPLATE = """
            {"type":"TemplateProcessing",
             "single":[{"SpecialToken":{"id":"<s>","type_id":0}},{"Sequence":{"id":"A","type_id":0}}],
             "pair":[{"SpecialToken":{"id":"<s>","type_id":0}},{"Sequence":{"id":"A","type_id":0}},
                     {"SpecialToken":{"id":"<s>","type_id":1}},{"Sequence":{"id":"B","type_id":1}}],
             "special_tokens":{"<s>":{"id":"<s>","ids":[1],"tokens":["<s>"]}}}""";
    private static final String MULTI_TOKEN_TEMPLATE = """
            {"type":"TemplateProcessing",
             "single":[{"Sequence":{"id":"A","type_id":2}},{"SpecialToken":{"id":"[2FR]","type_id":3}}],
             "pair":[{"Sequence":{"id":"B","type_id":1}},{"SpecialToken":{"id":"[2FR]","type_id":0}},
                     {"Sequence":{"id":"A","type_id":0}}],
             "special_tokens":{"[2FR]":{"id":"[2FR]","ids":[7,8,9],"tokens":["convert","to","FR"]}}}""";
    private static final String BYTE_LEVEL_TRIM =
            "{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":true,\"use_regex\":true}";
    private static final String BYTE_LEVEL_NO_PREFIX =
            "{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":true,\"use_regex\":true}";
    private static final String LLAMA3 =
            "{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":false,\"use_regex\":true}";
    private static final String BERT = "{\"type\":\"BertProcessing\",\"sep\":[\"[SEP]\",102],\"cls\":[\"[CLS]\",101]}";
    private static final String ROBERTA = "{\"type\":\"RobertaProcessing\",\"sep\":[\"</s>\",2],\"cls\":[\"<s>\",0],"
            + "\"trim_offsets\":true,\"add_prefix_space\":true}";
    private static final String ROBERTA_NO_TRIM = "{\"type\":\"RobertaProcessing\",\"sep\":[\"</s>\",2],"
            + "\"cls\":[\"<s>\",0],\"trim_offsets\":false,\"add_prefix_space\":false}";

    static Stream<Arguments> cases() {
        List<String> processors = List.of(
                "null",
                BERT_TEMPLATE,
                LLAMA2_TEMPLATE,
                MULTI_TOKEN_TEMPLATE,
                BERT,
                ROBERTA,
                ROBERTA_NO_TRIM,
                BYTE_LEVEL_TRIM,
                BYTE_LEVEL_NO_PREFIX,
                LLAMA3,
                "{\"type\":\"Sequence\",\"processors\":[" + BYTE_LEVEL_TRIM + "," + BERT_TEMPLATE + "]}",
                "{\"type\":\"Sequence\",\"processors\":[" + BERT_TEMPLATE + "," + BYTE_LEVEL_TRIM + "]}",
                "{\"type\":\"Sequence\",\"processors\":[" + BERT + "," + BYTE_LEVEL_TRIM + "]}",
                "{\"type\":\"Sequence\",\"processors\":[" + ROBERTA + "," + BERT + "]}");
        List<Arguments> out = new ArrayList<>();
        for (String p : processors) {
            for (boolean pair : new boolean[] {false, true}) {
                for (boolean special : new boolean[] {true, false}) {
                    for (String truncation : new String[] {"none", "only_first", "only_second", "longest_first"}) {
                        if (truncation.equals("only_second") && !pair) {
                            continue;
                        }
                        out.add(Arguments.of(p, pair, special, truncation));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} pair={1} special={2} truncation={3}")
    @MethodSource("cases")
    void matchesHf(String processorJson, boolean isPair, boolean addSpecialTokens, String truncation) throws Exception {
        JsonNode node = Json.MAPPER.readTree(processorJson);
        PostProcessor processor = node.isNull() ? null : ProcessorJson.read(JsonField.root(node));
        int added = processor == null || !addSpecialTokens ? 0 : processor.addedTokens(isPair);
        // The inputs have 5 and 3 words: truncation keeps 3 of 5 alone; in a pair 3 of 5 (only_first), 1 of 3
        // (only_second), or 2 of each (longest_first), so that both inputs overflow.
        int maxLength = added + (!isPair ? 3 : truncation.equals("longest_first") ? 4 : 6);
        Map<String, String> options = truncation.equals("none")
                ? Map.of()
                : Map.of("truncation", truncation, "maxLength", Integer.toString(maxLength), "stride", "0");
        Set<String> vocab = new LinkedHashSet<>();
        vocab.addAll(Arrays.asList(TEXT.split(" ")));
        vocab.addAll(Arrays.asList(PAIR.split(" ")));

        try (WordLevelOracle oracle = WordLevelOracle.of(List.copyOf(vocab), node, null, options)) {
            ai.djl.huggingface.tokenizers.Encoding expected =
                    isPair ? oracle.encode(TEXT, PAIR, addSpecialTokens) : oracle.encode(TEXT, addSpecialTokens);

            List<Token> first = words(TEXT, oracle);
            List<Token> second = isPair ? words(PAIR, oracle) : null;
            int[] keep = keep(first.size(), isPair ? second.size() : 0, maxLength - added, truncation);
            Encoding a = model(first, 0, keep[0]);
            Encoding b = isPair ? model(second, 1, keep[1]) : null;
            Encoding actual =
                    processor == null ? PostProcessor.defaultProcess(a, b) : processor.process(a, b, addSpecialTokens);

            assertSame(expected, actual, "encoding");
        }
    }

    /** How many tokens of each input HF's truncate_encodings keeps (utils/truncation.rs). */
    private static int[] keep(int n1, int n2, int max, String strategy) {
        int total = n1 + n2;
        if (strategy.equals("none") || total <= max) {
            return new int[] {n1, n2};
        }
        int toRemove = total - max;
        return switch (strategy) {
            case "only_first" -> new int[] {n1 - toRemove, n2};
            case "only_second" -> new int[] {n1, n2 - toRemove};
            default -> {
                if (n2 == 0) {
                    yield new int[] {max, 0};
                }
                boolean swap = n1 > n2;
                int short1 = Math.min(n1, n2);
                int long2 = short1 > max ? short1 : Math.max(short1, max - short1);
                if (short1 + long2 > max) {
                    short1 = max / 2;
                    long2 = short1 + max % 2;
                }
                yield swap ? new int[] {long2, short1} : new int[] {short1, long2};
            }
        };
    }

    private record Token(int id, String word, int start, int end) {}

    private static List<Token> words(String text, WordLevelOracle oracle) {
        List<Token> out = new ArrayList<>();
        int pos = 0;
        for (String w : text.split(" ")) {
            out.add(new Token(oracle.id(w), w, pos, pos + w.length()));
            pos += w.length() + 1;
        }
        return out;
    }

    /** The model's encoding, truncated to {@code keep} tokens as HF truncates (stride 0, to the right). */
    private static Encoding model(List<Token> words, int typeId, int keep) {
        List<Encoding> parts = new ArrayList<>();
        for (int start = 0; start < words.size(); start += keep) {
            Encoding.Builder b = Encoding.builder(keep);
            for (int i = start; i < Math.min(words.size(), start + keep); i++) {
                Token t = words.get(i);
                b.add(t.id(), t.word(), t.start(), t.end(), typeId, i, 0, -1);
            }
            parts.add(b.build());
        }
        Encoding main = parts.get(0);
        Encoding.Builder b = Encoding.builder(main.size());
        for (int i = 0; i < main.size(); i++) {
            b.addFrom(main, i);
        }
        return b.overflowing(parts.subList(1, parts.size())).build();
    }

    private static void assertSame(ai.djl.huggingface.tokenizers.Encoding expected, Encoding actual, String what) {
        assertThat(actual.tokens()).as(what + " tokens").containsExactly(expected.getTokens());
        assertThat(actual.ids()).as(what + " ids").containsExactly(ints(expected.getIds()));
        assertThat(actual.typeIds()).as(what + " type ids").containsExactly(ints(expected.getTypeIds()));
        assertThat(actual.specialTokensMask())
                .as(what + " special tokens mask")
                .containsExactly(ints(expected.getSpecialTokenMask()));
        assertThat(actual.sequenceIds()).as(what + " sequence ids").containsExactly(ints(expected.getSequenceIds()));
        assertThat(actual.wordIds()).as(what + " word ids").containsExactly(ints(expected.getWordIds()));
        CharSpan[] spans = expected.getCharTokenSpans();
        for (int i = 0; i < spans.length; i++) {
            // DJL gives no span for a token HF puts in no sequence.
            if (spans[i] != null) {
                assertThat(new int[] {actual.startAt(i), actual.endAt(i)})
                        .as(what + " offsets of token " + i)
                        .containsExactly(spans[i].getStart(), spans[i].getEnd());
            }
        }
        ai.djl.huggingface.tokenizers.Encoding[] over = expected.getOverflowing();
        assertThat(actual.overflowing()).as(what + " overflowing").hasSize(over.length);
        for (int i = 0; i < over.length; i++) {
            assertSame(over[i], actual.overflowing().get(i), what + ".overflowing[" + i + "]");
        }
    }

    private static int[] ints(long[] values) {
        return Arrays.stream(values).mapToInt(v -> (int) v).toArray();
    }
}
