package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.text.Utf8;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole tokenizers around each model (normalizer, added tokens, post-processor, decoder) against HF tokenizers
 * running the same tokenizer.json: ids, token strings, offsets of the text's tokens, and decoding.
 */
class TokenizerOracleTest {
    private static final String[] ALPHABET = {"a", "b", "c", "é", " ", "😀", "ñ", "x", "A", "<s>", "[SEP]"};

    private static final String SPECIALS = """
            [{"id":0,"content":"<unk>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
             {"id":1,"content":"<s>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true}]""";

    private static final String SENTENCEPIECE_DECODER = """
            {"type":"Sequence","decoders":[{"type":"Replace","pattern":{"String":"▁"},"content":" "},
             {"type":"ByteFallback"},{"type":"Fuse"},{"type":"Strip","content":" ","start":1,"stop":0}]}""";

    private static final String METASPACE_NORMALIZER = """
            {"type":"Sequence","normalizers":[{"type":"Prepend","prepend":"▁"},
             {"type":"Replace","pattern":{"String":" "},"content":"▁"}]}""";

    static Stream<Arguments> tokenizers() {
        return Stream.of(
                Arguments.of("llama2-style BPE", llamaStyleBpe()),
                Arguments.of("BERT-style WordPiece", bertStyleWordPiece()),
                Arguments.of("SentencePiece-style Unigram", sentencePieceUnigram()),
                Arguments.of("WordLevel", wordLevel()),
                Arguments.of("BPE with prefix and suffix", affixedBpe()));
    }

    private static String tokenizer(
            String addedTokens, String normalizer, String postProcessor, String decoder, String model) {
        return """
                {"version":"1.0","truncation":null,"padding":null,"added_tokens":%s,"normalizer":%s,
                 "pre_tokenizer":null,"post_processor":%s,"decoder":%s,"model":%s}""".formatted(addedTokens, normalizer, postProcessor, decoder, model);
    }

    private static String byteTokens(int firstId) {
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            sb.append(",\"").append(Utf8.byteToken(b)).append("\":").append(firstId + b);
        }
        return sb.toString();
    }

    private static String llamaStyleBpe() {
        String vocab = "{\"<unk>\":0,\"<s>\":1" + byteTokens(2)
                + ",\"▁\":258,\"a\":259,\"b\":260,\"c\":261,\"é\":262,\"▁a\":263,\"ab\":264,\"▁ab\":265,\"bc\":266,"
                + "\"abc\":267,\"▁abc\":268,\"ca\":269,\"▁▁\":270}";
        String model = "{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":\"<unk>\",\"continuing_subword_prefix\":null,"
                + "\"end_of_word_suffix\":null,\"fuse_unk\":true,\"byte_fallback\":true,\"vocab\":" + vocab
                + ",\"merges\":[\"▁ a\",\"a b\",\"▁a b\",\"b c\",\"ab c\",\"▁ab c\",\"c a\",\"▁ ▁\"]}";
        String template = """
                {"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"<s>","type_id":0}},
                 {"Sequence":{"id":"A","type_id":0}}],"pair":[{"SpecialToken":{"id":"<s>","type_id":0}},
                 {"Sequence":{"id":"A","type_id":0}},{"Sequence":{"id":"B","type_id":1}}],
                 "special_tokens":{"<s>":{"id":"<s>","ids":[1],"tokens":["<s>"]}}}""";
        return tokenizer(SPECIALS, METASPACE_NORMALIZER, template, SENTENCEPIECE_DECODER, model);
    }

    private static String bertStyleWordPiece() {
        String added = """
                [{"id":0,"content":"[PAD]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
                 {"id":1,"content":"[UNK]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
                 {"id":2,"content":"[CLS]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
                 {"id":3,"content":"[SEP]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true}]""";
        String normalizer = """
                {"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":true,"strip_accents":null,"lowercase":true}""";
        String model = """
                {"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##","max_input_chars_per_word":12,
                 "vocab":{"[PAD]":0,"[UNK]":1,"[CLS]":2,"[SEP]":3,"a":4,"b":5,"c":6,"ab":7,"##a":8,"##b":9,"##c":10,
                 "##ab":11,"##bc":12," ":13,"## ":14,"e":15,"##e":16,"n":17,"##n":18,"x":19,"##x":20,"😀":21,
                 "##😀":22,"<":23,"##<":24,"##s":25,"##>":26}}""";
        String processor = """
                {"type":"BertProcessing","sep":["[SEP]",3],"cls":["[CLS]",2]}""";
        String decoder = """
                {"type":"WordPiece","prefix":"##","cleanup":true}""";
        return tokenizer(added, normalizer, processor, decoder, model);
    }

    private static String sentencePieceUnigram() {
        String model = """
                {"type":"Unigram","unk_id":0,"byte_fallback":true,"vocab":[["<unk>",0.0],["<s>",0.0],["▁",-2.0],
                 ["a",-1.0],["b",-1.5],["ab",-2.0],["▁a",-1.8],["c",-3.0],["abc",-2.5],["<0xC3>",-5.0],
                 ["<0xB1>",-5.0],["<0xF0>",-6.0],["<0x9F>",-6.0],["<0x98>",-6.0],["<0x80>",-6.0],["é",-2.0],
                 ["▁▁",-3.0],["A",-4.0],["ñ",3.0],["xñ",-7.5]]}""";
        return tokenizer(SPECIALS, METASPACE_NORMALIZER, "null", SENTENCEPIECE_DECODER, model);
    }

    private static String wordLevel() {
        String model = """
                {"type":"WordLevel","vocab":{"<unk>":0,"<s>":1,"a":2,"ab":3,"a b":4,"é":5,"😀":6,"aa":7},
                 "unk_token":"<unk>"}""";
        return tokenizer(SPECIALS, "{\"type\":\"Lowercase\"}", "null", "null", model);
    }

    private static String affixedBpe() {
        String model = """
                {"type":"BPE","dropout":null,"unk_token":"<unk>","continuing_subword_prefix":"##",
                 "end_of_word_suffix":"</w>","fuse_unk":true,"byte_fallback":false,
                 "vocab":{"<unk>":0,"<s>":1,"a":2,"b":3,"c":4,"##a":5,"##b":6,"##c":7,"a</w>":8,"##a</w>":9,
                 "##b</w>":10,"##c</w>":11,"ab":12,"ab</w>":13,"##bc</w>":14,"abc</w>":15,"##bc":16,"é":17,
                 "##é":18,"##é</w>":19,"## ":20},
                 "merges":[["a","##b"],["a","##b</w>"],["##b","##c</w>"],["ab","##c</w>"],["##b","##c"]]}""";
        return tokenizer(SPECIALS, "null", "null", "{\"type\":\"BPEDecoder\",\"suffix\":\"</w>\"}", model);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenizers")
    void encodesAndDecodesAsHf(String name, String json) throws IOException {
        Tokenizer ours = Tokenizers.fromJsonString(json);
        try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"))) {
            for (String text : texts(name.hashCode())) {
                Encoding e = ours.encode(text, true);
                ai.djl.huggingface.tokenizers.Encoding h = hf.encode(text, true, false);
                String what = name + " on \"" + text + "\"";
                assertThat(e.ids())
                        .as(what)
                        .isEqualTo(Arrays.stream(h.getIds())
                                .mapToInt(Math::toIntExact)
                                .toArray());
                assertThat(e.tokens()).as(what).isEqualTo(h.getTokens());
                assertThat(ourOffsets(e, text)).as(what).isEqualTo(hfOffsets(h));
                assertThat(ours.decode(e.ids(), true)).as(what).isEqualTo(hf.decode(h.getIds(), true));
            }
        }
    }

    /** Code-point offsets of the tokens that come from the text (HF gives no span for the others). */
    private static List<String> ourOffsets(Encoding e, String text) {
        int[] cp = e.codePointOffsets(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            out.add(e.sequenceIdAt(i) < 0 ? "-" : cp[2 * i] + ".." + cp[2 * i + 1]);
        }
        return out;
    }

    private static List<String> hfOffsets(ai.djl.huggingface.tokenizers.Encoding h) {
        List<String> out = new ArrayList<>();
        for (CharSpan s : h.getCharTokenSpans()) {
            out.add(s == null ? "-" : s.getStart() + ".." + s.getEnd());
        }
        return out;
    }

    private static List<String> texts(long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(List.of("a", "ab", "a b", "abc abc", "é😀", "AB", "<s>ab", "aa"));
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int k = 0; k < n; k++) {
                sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }
}
