package dev.tokensmith.core.format;

import static dev.tokensmith.core.format.MergeableRanksTest.ranksOf;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.text.ByteLevelAlphabet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TiktokenConverterTest {

    private static List<String> merges(MergeableRanks ranks) {
        List<String> out = new ArrayList<>();
        for (int[] pair : TiktokenConverter.mergePairs(ranks)) {
            out.add(new String(ranks.bytes(pair[0]), UTF_8) + " " + new String(ranks.bytes(pair[1]), UTF_8));
        }
        return out;
    }

    @Test
    void writesTheLayoutOfHfsTiktokenConversion() throws Exception {
        MergeableRanks ranks = ranksOf("a", "b", " ", "ab", " ab");
        TiktokenEncoding enc = new TiktokenEncoding("tiny", "\\s?\\w+", ranks, Map.of("<|end|>", 6));

        ObjectNode json = TiktokenConverter.toTokenizerJson(enc);

        // the field order and defaults of Meta's Llama 3 tokenizer.json, written by HF transformers' converter
        String expected = """
                {"version":"1.0","truncation":null,"padding":null,
                 "added_tokens":[{"id":6,"content":"<|end|>","single_word":false,"lstrip":false,"rstrip":false,
                                  "normalized":false,"special":true}],
                 "normalizer":null,
                 "pre_tokenizer":{"type":"Sequence","pretokenizers":[
                   {"type":"Split","pattern":{"Regex":"\\\\s?\\\\w+"},"behavior":"Isolated","invert":false},
                   {"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":false}]},
                 "post_processor":{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":false,"use_regex":true},
                 "decoder":{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true},
                 "model":{"type":"BPE","dropout":null,"unk_token":null,"continuing_subword_prefix":null,
                   "end_of_word_suffix":null,"fuse_unk":false,"byte_fallback":false,"ignore_merges":true,
                   "vocab":{"a":0,"b":1,"Ġ":2,"ab":3,"Ġab":4,"<|end|>":6},
                   "merges":[["a","b"],["Ġ","ab"]]}}
                """;
        assertThat(Json.MAPPER.writeValueAsString(json))
                .isEqualTo(Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(expected)));
    }

    @Test
    void derivesOneMergePerTokenInRankOrder() {
        MergeableRanks ranks = ranksOf("a", "b", "c", "d", "cd", "ab", "abcd");

        assertThat(merges(ranks)).containsExactly("c d", "a b", "ab cd");
    }

    @Test
    void splitsATokenTheWayTiktokensMergingBuildsIt() {
        // "abc" could be ab+c or a+bc; tiktoken merges the lower-ranked "ab" first, so only ab+c is a merge
        MergeableRanks ranks = ranksOf("a", "b", "c", "ab", "bc", "abc");

        assertThat(merges(ranks)).containsExactly("a b", "b c", "ab c");
    }

    @Test
    void findsTheSplitOfATokenRankedBelowItsHalves() {
        // merging a,b,c gives ab (4), then abc (3): tiktoken builds abc from ab+c, ranked by abc
        MergeableRanks ranks = ranksOf("a", "b", "c", "abc", "ab");

        assertThat(merges(ranks)).containsExactly("ab c", "a b");
    }

    @Test
    void givesNoMergeToATokenMergingCannotReach() {
        // neither ab nor bc is a token, so merging a,b,c stops at once: tiktoken only produces abc by looking up
        // a whole piece, which ignore_merges does in HF
        MergeableRanks ranks = ranksOf("a", "b", "c", "abc", "ac");

        ObjectNode json = TiktokenConverter.toTokenizerJson(new TiktokenEncoding("t", "\\w+", ranks, Map.of()));

        assertThat(merges(ranks)).containsExactly("a c");
        assertThat(json.at("/model/vocab/abc").asInt()).isEqualTo(3);
        assertThat(json.at("/model/ignore_merges").asBoolean()).isTrue();
    }

    @Test
    void writesTokenBytesInTheByteLevelAlphabet() {
        MergeableRanks ranks = MergeableRanks.builder(3)
                .add(new byte[] {(byte) 0xE2}, 0)
                .add(new byte[] {(byte) 0x82}, 1)
                .add(new byte[] {(byte) 0xE2, (byte) 0x82}, 2)
                .build();

        ObjectNode json = TiktokenConverter.toTokenizerJson(new TiktokenEncoding("t", "x", ranks, Map.of()));

        assertThat(json.at("/model/vocab").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("â", "Ĥ", "âĤ");
        assertThat(json.at("/model/merges/0/0").asText()).isEqualTo("â");
        assertThat(json.at("/model/merges/0/1").asText()).isEqualTo("Ĥ");
    }

    @Test
    void putsSpecialTokensInTheVocabularyAtTheirIdsBetweenTheRanks() {
        // HF gives an added token the model's id for it; without it, <b> would get the next free id (3)
        MergeableRanks ranks = MergeableRanks.builder(3)
                .add("a".getBytes(UTF_8), 0)
                .add("b".getBytes(UTF_8), 2)
                .add("c".getBytes(UTF_8), 5)
                .build();
        TiktokenEncoding enc = new TiktokenEncoding("t", "x", ranks, Map.of("<b>", 9, "<a>", 1));

        ObjectNode json = TiktokenConverter.toTokenizerJson(enc);

        assertThat(json.at("/model/vocab").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("a", "<a>", "b", "c", "<b>");
        assertThat(json.at("/added_tokens/0/content").asText()).isEqualTo("<a>");
        assertThat(json.at("/added_tokens/1/id").asInt()).isEqualTo(9);
    }

    @Test
    void rewritesThePatternForOniguruma() {
        ObjectNode json = TiktokenConverter.toTokenizerJson(Tiktoken.builtin("cl100k_base"));

        assertThat(json.at("/pre_tokenizer/pretokenizers/0/pattern/Regex").asText())
                .isEqualTo(FancyRegexToOniguruma.translate(Tiktoken.CL100K_PATTERN))
                .contains("(?>\\p{N}{1,3})")
                .contains("\\s++\\z");
    }

    @Test
    void refusesSpecialTokensThatHfCannotKeepApart() {
        MergeableRanks ranks = ranksOf("a", "b");

        assertThatThrownBy(() ->
                        TiktokenConverter.toTokenizerJson(new TiktokenEncoding("t", "x", ranks, Map.of("<x>", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("special token <x> has id 1, which is also the rank of an ordinary token");
        assertThatThrownBy(() -> TiktokenConverter.toTokenizerJson(
                        new TiktokenEncoding("t", "x", ranks, Map.of("<x>", 5, "<y>", 5))))
                .hasMessageContaining("share id 5");
        assertThatThrownBy(
                        () -> TiktokenConverter.toTokenizerJson(new TiktokenEncoding("t", "x", ranks, Map.of("a", 5))))
                .hasMessageContaining("reads as the byte-level form of an ordinary token");
    }

    @Test
    void everyMergeOfTheBuiltinsRebuildsItsTokenFromLowerRankedHalves() {
        for (String name : List.of("r50k_base", "cl100k_base", "o200k_base")) {
            MergeableRanks ranks = Tiktoken.builtin(name).ranks();
            List<int[]> pairs = TiktokenConverter.mergePairs(ranks);
            int multiByte = 0;
            for (int e = 0; e < ranks.size(); e++) {
                multiByte += ranks.lengthAt(e) > 1 ? 1 : 0;
            }
            // every multi-byte token of OpenAI's vocabularies is reachable by merging
            assertThat(pairs).as(name).hasSize(multiByte);
            int previous = -1;
            for (int[] pair : pairs) {
                byte[] left = ranks.bytes(pair[0]);
                byte[] right = ranks.bytes(pair[1]);
                byte[] joined = Arrays.copyOf(left, left.length + right.length);
                System.arraycopy(right, 0, joined, left.length, right.length);
                int merged = ranks.rank(joined);
                assertThat(merged).as("%s: %s + %s", name, pair[0], pair[1]).isGreaterThan(previous);
                assertThat(pair[0]).isLessThan(merged);
                assertThat(pair[1]).isLessThan(merged);
                previous = merged;
            }
        }
    }

    @Test
    void splitsTheBuiltinsAsMergingWithOnlyLowerRanksDoes() {
        // HF's conversion of GPT-4o split each token by merging its bytes with the ranks below its own; on
        // vocabularies whose halves always rank lower, that is the same split
        MergeableRanks ranks = Tiktoken.builtin("cl100k_base").ranks();
        for (int e = 0; e < ranks.size(); e++) {
            if (ranks.lengthAt(e) < 2) {
                continue;
            }
            byte[] token = ranks.bytesAt(e);
            int[] limited = TiktokenBpe.split(ranks, token, 0, token.length, ranks.rankAt(e));
            assertThat(limited).hasSize(2);
            assertThat(TiktokenBpe.lastMerge(ranks, token)).isEqualTo(limited[0]);
        }
    }

    @Test
    void keepsEveryRankAndSpecialTokenInTheVocabulary() {
        TiktokenEncoding enc = Tiktoken.builtin("o200k_base");

        JsonNode vocab = TiktokenConverter.toTokenizerJson(enc).at("/model/vocab");

        assertThat(vocab.size()).isEqualTo(enc.ranks().size() + 2);
        assertThat(vocab.get("<|endofprompt|>").asInt()).isEqualTo(200018);
        byte[] hello = " hello".getBytes(UTF_8);
        assertThat(vocab.get(ByteLevelAlphabet.encode(hello, 0, hello.length)).asInt())
                .isEqualTo(enc.ranks().rank(hello));
    }
}
