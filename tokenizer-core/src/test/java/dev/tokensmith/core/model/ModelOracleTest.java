package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.JsonField;
import dev.tokensmith.core.format.ModelJson;
import dev.tokensmith.core.text.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each model, read from a small model JSON, against HF tokenizers running the same JSON (through DJL) on random
 * pieces: same ids, token strings and ranges. The alphabet mixes known, unknown, multi-byte and supplementary
 * characters, and characters with and without byte tokens.
 */
class ModelOracleTest {
    private static final String[] ALPHABET = {"a", "b", "c", "é", "😀", "x", "ñ", "😁", "z", " "};

    private static final String BPE_VOCAB = """
            {"<unk>":0,"a":1,"b":2,"c":3,"é":4,"😀":5,"ab":6,"bc":7,"abc":8,"aa":9,"aaa":10,"<0x78>":11,
             "<0xC3>":12,"<0xB1>":13,"<0xF0>":14,"<0x9F>":15,"<0x98>":16,"<0x81>":17,"ca":18,"éa":19,"zz":20,
             "<0x20>":21}""";
    private static final String BPE_MERGES = """
            ["a b","b c","ab c","a a","aa a","c a","é a"]""";

    private static final String AFFIXED_VOCAB = """
            {"<unk>":0,"a":1,"b":2,"c":3,"##a":4,"##b":5,"##c":6,"a</w>":7,"##a</w>":8,"##b</w>":9,"##c</w>":10,
             "ab":11,"ab</w>":12,"##bc</w>":13,"é":14,"##é":15,"##é</w>":16,"<0x78>":17,"<0x23>":18,"<0xC3>":19,
             "<0xB1>":20,"abc":21,"##bc":22,"b</w>":23,"c</w>":24,"bc</w>":25,"é</w>":26,"abc</w>":27}""";
    private static final String PREFIX_MERGES = """
            [["a","##b"],["ab","##c"],["##b","##c"]]""";
    private static final String SUFFIX_MERGES = """
            [["a","b</w>"],["a","b"],["b","c</w>"],["ab","c</w>"]]""";
    private static final String PREFIX_SUFFIX_MERGES = """
            [["a","##b"],["a","##b</w>"],["##b","##c</w>"],["ab","##c</w>"],["##b","##c"]]""";

    static Stream<Arguments> models() {
        return Stream.of(
                bpe("unk", "\"unk_token\":\"<unk>\""),
                bpe("fuse_unk", "\"unk_token\":\"<unk>\",\"fuse_unk\":true"),
                bpe("byte_fallback", "\"unk_token\":\"<unk>\",\"byte_fallback\":true"),
                bpe("byte_fallback+fuse_unk", "\"unk_token\":\"<unk>\",\"byte_fallback\":true,\"fuse_unk\":true"),
                bpe("no unk_token", "\"unk_token\":null"),
                bpe("no unk_token+byte_fallback", "\"byte_fallback\":true"),
                bpe("ignore_merges", "\"unk_token\":\"<unk>\",\"ignore_merges\":true"),
                bpe("dropout 0", "\"unk_token\":\"<unk>\",\"dropout\":0.0"),
                // At 1 every merge is dropped, and ignore_merges (applied only without dropout) does not apply.
                bpe("dropout 1+ignore_merges", "\"unk_token\":\"<unk>\",\"dropout\":1.0,\"ignore_merges\":true"),
                affixed("prefix", PREFIX_MERGES, "\"continuing_subword_prefix\":\"##\""),
                affixed("suffix", SUFFIX_MERGES, "\"end_of_word_suffix\":\"</w>\""),
                affixed(
                        "prefix+suffix",
                        PREFIX_SUFFIX_MERGES,
                        "\"continuing_subword_prefix\":\"##\",\"end_of_word_suffix\":\"</w>\""),
                affixed(
                        "prefix+suffix+fuse_unk",
                        PREFIX_SUFFIX_MERGES,
                        "\"continuing_subword_prefix\":\"##\",\"end_of_word_suffix\":\"</w>\",\"fuse_unk\":true"),
                affixed(
                        "prefix+byte_fallback",
                        PREFIX_MERGES,
                        "\"continuing_subword_prefix\":\"##\",\"byte_fallback\":true"),
                Arguments.of("WordPiece", """
                        {"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##",
                         "max_input_chars_per_word":8,"vocab":{"[UNK]":0,"a":1,"##a":2,"b":3,"##b":4,"ab":5,
                         "##bc":6,"é":7,"##é":8,"😀":9,"##😀":10,"c":11,"##c":12,"abc":13,"##😀a":14}}"""),
                Arguments.of("WordPiece custom prefix", """
                        {"type":"WordPiece","unk_token":"<u>","continuing_subword_prefix":"~",
                         "max_input_chars_per_word":100,"vocab":{"<u>":0,"a":1,"~a":2,"b":3,"~b":4,"ab":5,
                         "~bc":6,"é":7,"~é":8,"😀":9,"~😀":10,"c":11,"~c":12,"x":13,"~x":14,"z":15,"~z":16,
                         "ñ":17,"~ñ":18,"😁":19,"~😁":20," ":21,"~ ":22}}"""),
                Arguments.of("WordLevel", """
                        {"type":"WordLevel","vocab":{"<unk>":0,"a":1,"ab":2,"é😀":3,"b":4,"x":5,"😀":6},
                         "unk_token":"<unk>"}"""),
                unigram("Unigram", "false"),
                unigram("Unigram byte_fallback", "true"),
                // Without "type" HF takes the first model type that deserializes; a BPE whose merges do not
                // resolve still has a vocab and an unk_token, so it is read as a WordLevel.
                Arguments.of(
                        "BPE without type",
                        "{\"unk_token\":\"<unk>\",\"vocab\":" + BPE_VOCAB + ",\"merges\":" + BPE_MERGES + "}"),
                Arguments.of(
                        "BPE without type whose merges fail",
                        "{\"unk_token\":\"<unk>\",\"vocab\":" + BPE_VOCAB + ",\"merges\":[\"a q\"]}"),
                Arguments.of("WordPiece without type", """
                        {"unk_token":"[UNK]","continuing_subword_prefix":"##","max_input_chars_per_word":8,
                         "vocab":{"[UNK]":0,"a":1,"##a":2,"b":3,"##b":4,"ab":5}}"""),
                Arguments.of("Unigram without type", """
                        {"unk_id":0,"vocab":[["<unk>",0.0],["a",-1.0],["b",-1.5],["ab",-2.0]]}"""));
    }

    private static Arguments bpe(String name, String options) {
        return Arguments.of(
                "BPE " + name,
                "{\"type\":\"BPE\"," + options + ",\"vocab\":" + BPE_VOCAB + ",\"merges\":" + BPE_MERGES + "}");
    }

    private static Arguments affixed(String name, String merges, String options) {
        return Arguments.of(
                "BPE " + name,
                "{\"type\":\"BPE\",\"unk_token\":\"<unk>\"," + options + ",\"vocab\":" + AFFIXED_VOCAB + ",\"merges\":"
                        + merges + "}");
    }

    private static Arguments unigram(String name, String byteFallback) {
        return Arguments.of(name, """
                {"type":"Unigram","unk_id":0,"byte_fallback":%s,"vocab":[["<unk>",0.0],["a",-1.0],["b",-1.5],
                 ["ab",-2.0],["abc",-2.5],["c",-3.0],["é",-2.0],["😀",-4.0],["<0x78>",-5.0],["<0xC3>",-5.0],
                 ["<0xB1>",-5.0],["ca",-3.2],["bca",-4.0],["aa",-2.0],["<unk>a",-1.0],
                 ["ñ",3.0],["xñ",-7.5]]}""".formatted(byteFallback));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void tokenizesRandomPiecesAsHfDoes(String name, String json) {
        JsonNode node = parse(json);
        Model model = ModelJson.read(JsonField.root(node));
        // With a prefix or suffix, HF's byte-fallback tokens also cover the affix bytes: later ranges run past
        // the piece, and HF then reports raw byte offsets mapped onto the whole input, which a model cannot
        // express; ours stop at the piece's end. Only ids and strings are compared there.
        boolean ranges = !name.contains("prefix+byte_fallback");
        try (HfModelOracle hf = HfModelOracle.of(node)) {
            for (String piece : pieces(name.hashCode())) {
                List<Token> expected = hf.tokenize(piece);
                List<Token> actual = model.tokenize(piece);
                if (ranges) {
                    assertThat(actual).as("%s on \"%s\"", name, piece).isEqualTo(expected);
                } else {
                    assertThat(actual)
                            .as("%s on \"%s\"", name, piece)
                            .extracting(Token::id, Token::value)
                            .isEqualTo(expected.stream()
                                    .map(t -> tuple(t.id(), t.value()))
                                    .toList());
                }
            }
        }
    }

    private static List<String> pieces(long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(List.of("a", "ab", "abc", "é😀", "<unk>a", "zz", "aaaaaaa", "x", "ñ"));
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(10);
            for (int k = 0; k < n; k++) {
                sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
