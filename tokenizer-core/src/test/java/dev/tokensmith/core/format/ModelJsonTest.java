package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tokensmith.core.TokenizerFormatException;
import dev.tokensmith.core.model.Bpe;
import dev.tokensmith.core.model.Model;
import dev.tokensmith.core.model.Unigram;
import dev.tokensmith.core.model.WordLevel;
import dev.tokensmith.core.model.WordPiece;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
    private static final String HF_BPE = """
            {"type":"BPE","dropout":null,"unk_token":"<unk>","continuing_subword_prefix":null,\
            "end_of_word_suffix":null,"fuse_unk":false,"byte_fallback":false,"ignore_merges":true,\
            "vocab":{"<unk>":0,"a":1,"b":2,"ab":3},"merges":[["a","b"]]}""";

    static Model read(String json) {
        try {
            return ModelJson.read(JsonField.root(Json.MAPPER.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String write(Model model) {
        try {
            return Json.MAPPER.writeValueAsString(ModelJson.write(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> vocab(String... tokens) {
        Map<String, Integer> v = new LinkedHashMap<>();
        for (String t : tokens) {
            v.put(t, v.size());
        }
        return v;
    }

    private static Bpe hfBpe() {
        return Bpe.builder(vocab("<unk>", "a", "b", "ab"), List.of(new Bpe.Merge("a", "b")))
                .unkToken("<unk>")
                .ignoreMerges(true)
                .build();
    }

    private static TokenizerFormatException readError(String json) {
        try {
            read(json);
        } catch (TokenizerFormatException e) {
            return e;
        }
        throw new AssertionError("expected a TokenizerFormatException reading " + json);
    }

    // ---- BPE

    @Test
    void bpeIsWrittenAsHfWritesIt() {
        // HF: models/mod.rs serialization, models/bpe/serialization.rs test_serialization
        assertThat(write(hfBpe())).isEqualTo(HF_BPE);
    }

    @Test
    void bpeReadsBackWhatItWrites() {
        // HF: models/mod.rs serialization
        assertThat(read(HF_BPE)).isEqualTo(hfBpe());
    }

    @Test
    void bpeMergesMayBeSpaceSeparatedStrings() {
        // HF: models/mod.rs serialization (legacy merges)
        assertThat(read(HF_BPE.replace("[[\"a\",\"b\"]]", "[\"a b\"]"))).isEqualTo(hfBpe());
    }

    @Test
    void aModelWithoutTypeIsInferred() {
        // HF: models/mod.rs serialization ("Legacy check, type is not necessary")
        assertThat(read(HF_BPE.replace("\"type\":\"BPE\",", "").replace("[[\"a\",\"b\"]]", "[\"a b\"]")))
                .isEqualTo(hfBpe());
    }

    @Test
    void aMergeStringWithoutExactlyOneSpaceIsRejectedWithItsLine() {
        // HF: models/mod.rs serialization (invalid merges)
        TokenizerFormatException e = readError(HF_BPE.replace("[[\"a\",\"b\"]]", "[\"a b c\"]"));
        assertThat(e.path()).isEqualTo("$.merges[0]");
        assertThat(e.problem()).isEqualTo("Merges text file invalid at line 1");
    }

    @Test
    void versionLinesInMergeStringsAreSkipped() {
        // HF: convert_merges_to_hashmap skips "#version" lines; ranks count the others.
        TokenizerFormatException e =
                readError(HF_BPE.replace("[[\"a\",\"b\"]]", "[\"#version: 0.2\", \"a b\", \"a\"]"));
        assertThat(e.path()).isEqualTo("$.merges[2]");
        assertThat(e.problem()).isEqualTo("Merges text file invalid at line 2");
    }

    @Test
    void aMergeOfTokensOutsideTheVocabularyNamesTheMerge() {
        // HF: test_bpe_from_file_merge_token_oov (HF fails to build the model too)
        TokenizerFormatException e = readError(HF_BPE.replace("[[\"a\",\"b\"]]", "[[\"a\",\"b\"],[\"a\",\"d\"]]"));
        assertThat(e.path()).isEqualTo("$.merges[1]");
        assertThat(e.problem()).isEqualTo("Token `d` out of vocabulary");
    }

    @Test
    void mergesMixingBothFormsAreRejected() {
        TokenizerFormatException e = readError(HF_BPE.replace("[[\"a\",\"b\"]]", "[[\"a\",\"b\"],\"a b\"]"));
        assertThat(e.path()).isEqualTo("$.merges");
    }

    @Test
    void aTokenWithSpacesSurvivesAsAPairMerge() {
        // HF: models/bpe/serialization.rs test_serialization ("With a space in the token")
        Bpe bpe = Bpe.builder(vocab("<unk>", "a", "b c d", "ab c d"), List.of(new Bpe.Merge("a", "b c d")))
                .unkToken("<unk>")
                .ignoreMerges(true)
                .build();
        String json = write(bpe);
        assertThat(json)
                .endsWith("\"vocab\":{\"<unk>\":0,\"a\":1,\"b c d\":2,\"ab c d\":3},\"merges\":[[\"a\",\"b c d\"]]}");
        assertThat(read(json)).isEqualTo(bpe);
    }

    @Test
    void missingOptionsTakeHfDefaults() {
        // HF: test_serialization_ignore_merges (no ignore_merges field)
        Bpe bpe = (Bpe) read("{\"type\":\"BPE\",\"vocab\":{\"a\":0},\"merges\":[]}");
        assertThat(bpe.dropout()).isNull();
        assertThat(bpe.unkToken()).isNull();
        assertThat(bpe.continuingSubwordPrefix()).isNull();
        assertThat(bpe.endOfWordSuffix()).isNull();
        assertThat(bpe.fuseUnk()).isFalse();
        assertThat(bpe.byteFallback()).isFalse();
        assertThat(bpe.ignoreMerges()).isFalse();
    }

    @Test
    void nullOptionsTakeHfDefaults() {
        Bpe bpe = (Bpe)
                read(
                        "{\"type\":\"BPE\",\"fuse_unk\":null,\"byte_fallback\":null,\"ignore_merges\":null,\"vocab\":{},\"merges\":[]}");
        assertThat(bpe.fuseUnk()).isFalse();
        assertThat(bpe.byteFallback()).isFalse();
        assertThat(bpe.ignoreMerges()).isFalse();
    }

    @Test
    void bpeNeedsVocabAndMerges() {
        assertThat(readError("{\"type\":\"BPE\",\"vocab\":{}}").problem()).isEqualTo("Missing vocab/merges");
    }

    @Test
    void dropoutIsWrittenAsTheFloatItIs() {
        Bpe bpe = (Bpe) read(HF_BPE.replace("\"dropout\":null", "\"dropout\":0.1"));
        assertThat(bpe.dropout()).isEqualTo(0.1f);
        assertThat(write(bpe)).startsWith("{\"type\":\"BPE\",\"dropout\":0.1,");
    }

    @Test
    void dropoutAboveOneIsRejected() {
        TokenizerFormatException e = readError(HF_BPE.replace("\"dropout\":null", "\"dropout\":1.5"));
        assertThat(e.path()).isEqualTo("$.dropout");
        assertThat(e.problem()).isEqualTo("Dropout should be between 0 and 1, inclusive");
    }

    @Test
    void vocabularyIdsMustBeNonNegativeIntegers() {
        assertThat(readError(HF_BPE.replace("\"b\":2", "\"b\":-2")).path()).isEqualTo("$.vocab.b");
        assertThat(readError(HF_BPE.replace("\"b\":2", "\"b\":2.5")).path()).isEqualTo("$.vocab.b");
    }

    @Test
    void vocabularyIsWrittenByIdWithHolesSkipped() {
        // HF: models/mod.rs incomplete_ordered_vocab
        Bpe bpe = Bpe.builder(Map.of("There", 2, "Hi", 0), List.of()).build();
        assertThat(write(bpe)).contains("\"vocab\":{\"Hi\":0,\"There\":2}");
    }

    // ---- WordPiece

    @Test
    void wordPieceIsWrittenAsHfWritesIt() {
        // HF: models/wordpiece/serialization.rs serde
        String hf = "{\"type\":\"WordPiece\",\"unk_token\":\"[UNK]\",\"continuing_subword_prefix\":\"##\","
                + "\"max_input_chars_per_word\":100,\"vocab\":{}}";
        assertThat(write(WordPiece.of(Map.of()))).isEqualTo(hf);
        assertThat(read(hf)).isEqualTo(WordPiece.of(Map.of()));
    }

    @Test
    void wordPieceNeedsAllItsFields() {
        // HF: models/wordpiece/serialization.rs deserialization_should_fail
        TokenizerFormatException e = readError("{\"type\":\"WordPiece\",\"continuing_subword_prefix\":\"##\","
                + "\"max_input_chars_per_word\":100,\"vocab\":{}}");
        assertThat(e.path()).isEqualTo("$.unk_token");
    }

    // ---- WordLevel

    @Test
    void wordLevelIsWrittenAsHfWritesIt() {
        // HF: models/wordlevel/serialization.rs serde, incomplete_vocab
        assertThat(write(new WordLevel(Map.of(), "<unk>")))
                .isEqualTo("{\"type\":\"WordLevel\",\"vocab\":{},\"unk_token\":\"<unk>\"}");
        String hf = "{\"type\":\"WordLevel\",\"vocab\":{\"<unk>\":0,\"b\":2},\"unk_token\":\"<unk>\"}";
        WordLevel model = new WordLevel(Map.of("<unk>", 0, "b", 2), "<unk>");
        assertThat(write(model)).isEqualTo(hf);
        assertThat(read(hf)).isEqualTo(model);
    }

    @Test
    void wordLevelNeedsAnUnknownToken() {
        // HF: models/wordlevel/serialization.rs deserialization_should_fail
        assertThat(readError("{\"type\":\"WordLevel\",\"vocab\":{}}").path()).isEqualTo("$.unk_token");
    }

    // ---- Unigram

    @Test
    void unigramIsWrittenAsHfWritesIt() {
        // HF: models/unigram/serialization.rs test_serialization
        Unigram model = new Unigram(List.of(new Unigram.Piece("<unk>", 0), new Unigram.Piece("a", -0.5)), 0, false);
        String json = write(model);
        assertThat(json)
                .isEqualTo("{\"type\":\"Unigram\",\"unk_id\":0,\"vocab\":[[\"<unk>\",0.0],[\"a\",-0.5]],"
                        + "\"byte_fallback\":false}");
        assertThat(read(json)).isEqualTo(model);
    }

    @Test
    void unigramRoundTripsWithUnkIdElsewhereOrNone() {
        // HF: test_serialization_unk_id_not_zero, test_serialization_no_unk_id
        Unigram second = new Unigram(List.of(new Unigram.Piece("a", -0.5), new Unigram.Piece("<unk>", 0)), 1, true);
        assertThat(read(write(second))).isEqualTo(second);
        Unigram none = new Unigram(List.of(new Unigram.Piece("a", -0.5)), -1, false);
        assertThat(write(none)).contains("\"unk_id\":null");
        assertThat(read(write(none))).isEqualTo(none);
    }

    @Test
    void unigramByteFallbackMayBeAbsentButNotNull() {
        Unigram model = (Unigram) read("{\"type\":\"Unigram\",\"vocab\":[[\"a\",-1]]}");
        assertThat(model.byteFallback()).isFalse();
        assertThat(model.unkId()).isEqualTo(-1);
        assertThat(readError("{\"type\":\"Unigram\",\"vocab\":[],\"byte_fallback\":null}")
                        .path())
                .isEqualTo("$.byte_fallback");
    }

    @Test
    void unigramUnkIdMustBeInTheVocabulary() {
        TokenizerFormatException e = readError("{\"type\":\"Unigram\",\"unk_id\":3,\"vocab\":[[\"a\",-1]]}");
        assertThat(e.problem()).contains("The `unk_id` is larger than vocabulary size");
    }

    // ---- dispatch

    @Test
    void anUnknownTypeIsNamed() {
        TokenizerFormatException e = readError("{\"type\":\"Bigram\",\"vocab\":{}}");
        assertThat(e.path()).isEqualTo("$.type");
        assertThat(e.problem()).contains("Bigram").contains("BPE, WordPiece, WordLevel, Unigram");
    }

    @Test
    void withoutTypeTheFirstModelTypeThatFitsIsTaken() {
        assertThat(read("{\"unk_token\":\"[UNK]\",\"continuing_subword_prefix\":\"##\","
                        + "\"max_input_chars_per_word\":100,\"vocab\":{\"[UNK]\":0}}"))
                .isInstanceOf(WordPiece.class);
        assertThat(read("{\"unk_token\":\"<unk>\",\"vocab\":{\"<unk>\":0}}")).isInstanceOf(WordLevel.class);
        assertThat(read("{\"vocab\":[[\"<unk>\",0.0]],\"unk_id\":0}")).isInstanceOf(Unigram.class);
    }

    @Test
    void withoutTypeABpeThatFailsToBuildCanStillBeAWordLevel() {
        // HF tries the untagged variants in order and keeps the first that deserializes.
        String json = HF_BPE.replace("\"type\":\"BPE\",", "").replace("[[\"a\",\"b\"]]", "[[\"a\",\"x\"]]");
        assertThat(read(json)).isInstanceOf(WordLevel.class);
    }

    @Test
    void withoutTypeAnObjectNoModelAcceptsIsRejected() {
        TokenizerFormatException e = readError("{\"vocab\":{}}");
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.problem()).contains("BPE, WordPiece, WordLevel, Unigram");
    }
}
