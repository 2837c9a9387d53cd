package dev.tokensmith.transplant.align;

import static dev.tokensmith.transplant.align.ReleasedTokenizers.load;
import static dev.tokensmith.transplant.align.ReleasedTokenizers.vocab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.transplant.align.TokenSpelling.Family;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical-bytes rule per tokenizer family, on the released tokenizers. */
class TokenSpellingTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String canonical(String tokenizer, String token) {
        return new String(vocab(tokenizer).spelling().canonicalBytes(token), StandardCharsets.ISO_8859_1);
    }

    private static String latin1(String utf8Text) {
        return new String(utf8(utf8Text), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o", "claude", "r50k_base", "cl100k_base"})
    void byteLevelAndTiktokenTokenizersAreByteLevel(String name) {
        TokenSpelling s = vocab(name).spelling();
        assertThat(s.family()).isEqualTo(Family.BYTE_LEVEL);
        assertThat(s.byteFallback()).isFalse();
    }

    @Test
    void llama2IsMetaspaceWithByteFallback() {
        assertThat(vocab("llama2").spelling()).isEqualTo(new TokenSpelling(Family.METASPACE, "▁", null, true));
    }

    @Test
    void bertIsWordSplitWithHashHashContinuation() {
        assertThat(vocab("bert").spelling()).isEqualTo(new TokenSpelling(Family.WORD_SPLIT, null, "##", false));
    }

    @Test
    void byteLevelTokensAreTheirGpt2AlphabetBytes() {
        assertThat(canonical("r50k_base", "Ġthe")).isEqualTo(" the");
        assertThat(canonical("r50k_base", "the")).isEqualTo("the");
        assertThat(canonical("r50k_base", "ĊĊ")).isEqualTo("\n\n");
        // "é" is two bytes, spelled as two alphabet characters
        assertThat(canonical("cl100k_base", "Ã©")).isEqualTo(latin1("é"));
        // a lone lead byte of a three-byte character
        assertThat(canonical("cl100k_base", "â")).isEqualTo("\u00E2");
    }

    @Test
    void metaspaceMarksTheSpaceAndByteFallbackTokensAreOneByte() {
        assertThat(canonical("llama2", "▁the")).isEqualTo(" the");
        assertThat(canonical("llama2", "the")).isEqualTo("the");
        assertThat(canonical("llama2", "▁▁▁▁")).isEqualTo("    ");
        assertThat(canonical("llama2", "<0x0A>")).isEqualTo("\n");
        assertThat(canonical("llama2", "<0xE2>")).isEqualTo("\u00E2");
        assertThat(canonical("llama2", "▁München")).isEqualTo(latin1(" München"));
    }

    @Test
    void wordPieceWordInitialTokensFollowASpaceAndContinuationsAreGlued() {
        assertThat(canonical("bert", "the")).isEqualTo(" the");
        assertThat(canonical("bert", "##the")).isEqualTo("the");
        assertThat(canonical("bert", "1990")).isEqualTo(" 1990");
        assertThat(canonical("bert", "##s")).isEqualTo("s");
    }

    @Test
    void wordPiecePunctuationAndUnspacedScriptsCarryNoSpace() {
        assertThat(canonical("bert", ",")).isEqualTo(",");
        assertThat(canonical("bert", "(")).isEqualTo("(");
        assertThat(canonical("bert", "$")).isEqualTo("$");
        assertThat(canonical("bert", "中")).isEqualTo(latin1("中"));
        assertThat(canonical("bert", "の")).isEqualTo(latin1("の"));
        // Hangul is written with spaces between words
        assertThat(canonical("bert", "한")).isEqualTo(latin1(" 한"));
    }

    @Test
    void theSameWordMatchesAcrossFamilies() {
        for (String word : new String[] {" the", " of", " and", "ing", " time"}) {
            for (String name : new String[] {"llama3", "llama2", "bert", "r50k_base", "cl100k_base", "gpt4o"}) {
                assertThat(vocab(name).primaryId(utf8(word)))
                        .as("%s has a token for \"%s\"", name, word)
                        .isNotNegative();
            }
        }
        // and the one each names is the token its own encoder gives the word in running text
        int id = vocab("llama2").primaryId(utf8(" time"));
        assertThat(load("llama2").idToToken(id)).isEqualTo("▁time");
        assertThat(load("bert").idToToken(vocab("bert").primaryId(utf8("ing")))).isEqualTo("##ing");
        assertThat(load("bert").idToToken(vocab("bert").primaryId(utf8(" time"))))
                .isEqualTo("time");
    }

    @Test
    void aModelTokenStandsForItsBytesBeforeAByteFallbackDuplicate() {
        CanonicalVocab v = vocab("llama2");
        int a = v.primaryId(utf8("A"));
        assertThat(v.token(a)).isEqualTo("A");
        int fallback = v.tokenizer().tokenToId("<0x41>");
        assertThat(v.origin(fallback)).isEqualTo(CanonicalVocab.Origin.BYTE_FALLBACK);
        assertThat(v.isPrimary(fallback)).isFalse();
        // where no model token has the byte, the fallback token is the primary one
        assertThat(v.token(v.primaryId(utf8("\n")))).isEqualTo("<0x0A>");
    }

    @Test
    void byteFallbackValuesAreTwoUpperCaseHexDigits() {
        assertThat(TokenSpelling.byteFallbackValue("<0x0A>")).isEqualTo(10);
        assertThat(TokenSpelling.byteFallbackValue("<0xFF>")).isEqualTo(255);
        assertThat(TokenSpelling.byteFallbackValue("<0xff>")).isEqualTo(-1);
        assertThat(TokenSpelling.byteFallbackValue("<0x0A")).isEqualTo(-1);
        assertThat(TokenSpelling.byteFallbackValue("0x0A>")).isEqualTo(-1);
    }

    @Test
    void unigramWithMetaspaceIsMetaspace() {
        var t = Tokenizers.fromJsonString("""
                {"version": "1.0", "added_tokens": [], "normalizer": null,
                 "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true},
                 "post_processor": null,
                 "decoder": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true},
                 "model": {"type": "Unigram", "unk_id": 0, "byte_fallback": false,
                           "vocab": [["<unk>", 0.0], ["▁hi", -1.0], ["hi", -2.0], ["▁", -3.0], ["h", -4.0], ["i", -4.0]]}}
                """);
        CanonicalVocab v = CanonicalVocab.of(t);
        assertThat(v.spelling().family()).isEqualTo(Family.METASPACE);
        assertThat(v.bytes(t.tokenToId("▁hi"))).isEqualTo(utf8(" hi"));
        assertThat(v.isSpecial(t.tokenToId("<unk>"))).isTrue();
    }

    @Test
    void wordLevelTokensAreWholeWords() {
        var t = Tokenizers.fromJsonString("""
                {"version": "1.0", "added_tokens": [], "normalizer": null,
                 "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null, "decoder": null,
                 "model": {"type": "WordLevel", "unk_token": "<unk>", "vocab": {"<unk>": 0, "hello": 1, "!": 2}}}
                """);
        CanonicalVocab v = CanonicalVocab.of(t);
        assertThat(v.spelling()).isEqualTo(new TokenSpelling(Family.WORD_SPLIT, null, "", false));
        assertThat(v.bytes(1)).isEqualTo(utf8(" hello"));
        assertThat(v.bytes(2)).isEqualTo(utf8("!"));
    }

    @Test
    void aMetaspaceSpellingNeedsItsMarker() {
        assertThatThrownBy(() -> new TokenSpelling(Family.METASPACE, null, null, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("space marker");
    }
}
