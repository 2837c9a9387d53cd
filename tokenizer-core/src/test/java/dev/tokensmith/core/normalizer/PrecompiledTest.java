package dev.tokensmith.core.normalizer;

import static dev.tokensmith.core.normalizer.Normalized.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecompiledTest {
    private static final Precompiled RULES = new Precompiled(new CharsmapBuilder()
            .rule("™", "TM")
            .rule("\u001E", "")
            .rule("\uFB01", "fi")
            .rule("Ａ", "A")
            .rule("e\u0301", "é")
            .rule("ｶﾞ", "ガ")
            .rule("\u3000", " ")
            .rule("\u0915\u094D\u0937", "KSSA")
            .rule("\uD83D\uDE00", ":)")
            .build());

    @Test
    void findsTheReplacementOfAKeyInTheTrie() {
        byte[] key = "\uFB01".getBytes(StandardCharsets.UTF_8);
        assertThat(RULES.firstPrefixValue(key, key.length)).isGreaterThanOrEqualTo(0);
        byte[] none = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(RULES.firstPrefixValue(none, none.length)).isEqualTo(-1);
    }

    @Test
    void expansionFollowedByRemoval() {
        // HF precompiled.rs expansion_followed_by_removal: "™\x1eg" -> "TMg". The removal is charged to "M", which
        // thereby replaces the removed code point instead of being an insertion.
        check(RULES, "™\u001Eg", "TMg", "0..1", "1..2", "2..3");
    }

    @Test
    void removalAtTheStartShiftsTheNextCodePointOntoTheRemovedOne() {
        // HF records no removal when nothing was emitted yet, so "g" takes the alignment of the removed code point.
        check(RULES, "\u001Eg", "g", "0..1");
    }

    @Test
    void aClusterMatchingAsAWholeIsReplacedAsAWhole() {
        check(RULES, "e\u0301!", "é!", "0..1", "2..3");
    }

    @Test
    void theShortestMatchingPrefixOfAClusterReplacesTheWholeCluster() {
        // spm_precompiled quirk kept by HF: "Ａ" is a key, so the cluster "Ａ + acute" becomes just "A".
        check(RULES, "Ａ\u0301b", "Ab", "0..1", "2..3");
    }

    @Test
    void clustersOfSixBytesOrMoreAreLookedUpCodePointByCodePoint() {
        // क्ष is one 9-byte cluster and ｶﾞ one 6-byte cluster: their rules are never used, and none of their code
        // points has one.
        check(RULES, "\u0915\u094D\u0937", "\u0915\u094D\u0937", "0..1", "1..2", "2..3");
        check(RULES, "ｶﾞ", "ｶﾞ", "0..1", "1..2");
        check(RULES, "\uD83D\uDE00\u200D\uD83D\uDE00", ":)\u200D:)", "0..2", "0..2", "2..3", "3..5", "3..5");
    }

    @Test
    void textWithoutAnyRuleIsLeftUntouched() {
        check(RULES, "plain", "plain", "0..1", "1..2", "2..3", "3..4", "4..5");
    }

    @Test
    void rejectsABlobShorterThanItsTrie() {
        assertThatThrownBy(() -> new Precompiled(new byte[] {100, 0, 0, 0, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100-byte trie");
    }

    @Test
    void equalsComparesTheBlob() {
        byte[] blob = new CharsmapBuilder().rule("a", "b").build();
        assertThat(new Precompiled(blob)).isEqualTo(new Precompiled(blob.clone()));
        assertThat(new Precompiled(blob)).isNotEqualTo(RULES);
    }

    @Test
    void matchesHf() {
        Normalized.matchesHf(
                RULES,
                List.of(
                        "™\u001Eg",
                        "\u001Eg",
                        "e\u0301e\u0301\u0301",
                        "Ａ\u0301",
                        "ＡＡ",
                        "ｶﾞｶ",
                        "\u3000\u3000x",
                        "क्षि",
                        "क्‍ष",
                        "\uD83D\uDE00\uD83C\uDFFB",
                        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                        "\r\n\u001E",
                        "a\u0000™",
                        "ﬁﬁ\u0301",
                        "🇺🇸™",
                        "한국어™"));
    }
}
