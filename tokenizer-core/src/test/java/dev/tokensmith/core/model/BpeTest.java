package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.text.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BpeTest {

    /** A vocabulary with ids in the order given. */
    static Map<String, Integer> vocab(String... tokens) {
        Map<String, Integer> v = new LinkedHashMap<>();
        for (String t : tokens) {
            v.put(t, v.size());
        }
        return v;
    }

    static List<Bpe.Merge> merges(String... pairs) {
        List<Bpe.Merge> out = new ArrayList<>();
        for (String p : pairs) {
            String[] parts = p.split(" ");
            out.add(new Bpe.Merge(parts[0], parts[1]));
        }
        return out;
    }

    private static Bpe unrelated() {
        // HF: models/bpe/model.rs test_tokenize_with_and_without_dropout
        return Bpe.builder(
                        vocab(
                                "u",
                                "n",
                                "r",
                                "e",
                                "l",
                                "a",
                                "t",
                                "d",
                                "re",
                                "at",
                                "ed",
                                "un",
                                "ated",
                                "rel",
                                "related",
                                "unrelated"),
                        merges("r e", "a t", "e d", "u n", "at ed", "re l", "rel ated", "un related"))
                .build();
    }

    @Test
    void mergesApplyUntilNoneIsLeft() {
        // HF: test_tokenize_with_and_without_dropout
        assertThat(unrelated().tokenize("unrelated")).containsExactly(new Token(15, "unrelated", 0, 9));
    }

    @Test
    void dropoutZeroIsNoDropout() {
        // HF: test_tokenize_with_and_without_dropout
        Bpe bpe = Bpe.builder(unrelated().vocab(), unrelated().merges())
                .dropout(0f)
                .build();
        assertThat(bpe.tokenize("unrelated")).containsExactly(new Token(15, "unrelated", 0, 9));
    }

    @Test
    void dropoutOneAppliesNoMerge() {
        // HF: test_tokenize_with_and_without_dropout
        Bpe bpe = Bpe.builder(unrelated().vocab(), unrelated().merges())
                .dropout(1f)
                .build();
        assertThat(bpe.tokenize("unrelated"))
                .extracting(Token::value)
                .containsExactly("u", "n", "r", "e", "l", "a", "t", "e", "d");
        assertThat(bpe.tokenize("unrelated").get(8)).isEqualTo(new Token(7, "d", 8, 9));
    }

    @Test
    void seededDropoutIsReproducibleAndStillSegmentsTheWord() {
        Bpe bpe = Bpe.builder(unrelated().vocab(), unrelated().merges())
                .dropout(0.5f)
                .build();
        List<List<Token>> first = new ArrayList<>();
        List<List<Token>> second = new ArrayList<>();
        Bpe a = bpe.withDropoutSeed(42);
        Bpe b = bpe.withDropoutSeed(42);
        for (int i = 0; i < 50; i++) {
            first.add(a.tokenize("unrelated"));
            second.add(b.tokenize("unrelated"));
        }
        assertThat(first).isEqualTo(second);
        assertThat(first)
                .allSatisfy(
                        tokens -> assertThat(tokens.stream().map(Token::value).reduce("", String::concat))
                                .isEqualTo("unrelated"));
        assertThat(first.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void unknownCharactersBecomeOneUnknownTokenEach() {
        // HF: test_unk_not_fused
        Bpe bpe = Bpe.builder(vocab("<unk>", "a", "b"), List.of())
                .unkToken("<unk>")
                .build();
        assertThat(bpe.tokenize("c")).containsExactly(new Token(0, "<unk>", 0, 1));
        assertThat(bpe.tokenize("cc")).containsExactly(new Token(0, "<unk>", 0, 1), new Token(0, "<unk>", 1, 2));
        assertThat(bpe.tokenize("accb"))
                .containsExactly(
                        new Token(1, "a", 0, 1),
                        new Token(0, "<unk>", 1, 2),
                        new Token(0, "<unk>", 2, 3),
                        new Token(2, "b", 3, 4));
    }

    @Test
    void fuseUnkJoinsConsecutiveUnknownCharacters() {
        // HF: test_unk_get_fused
        Bpe bpe = Bpe.builder(vocab("<unk>", "a", "b"), List.of())
                .unkToken("<unk>")
                .fuseUnk(true)
                .build();
        assertThat(bpe.tokenize("c")).containsExactly(new Token(0, "<unk>", 0, 1));
        assertThat(bpe.tokenize("cc")).containsExactly(new Token(0, "<unk>", 0, 2));
        assertThat(bpe.tokenize("accb"))
                .containsExactly(new Token(1, "a", 0, 1), new Token(0, "<unk>", 1, 3), new Token(2, "b", 3, 4));
    }

    @Test
    void unknownCharactersVanishWithoutUnkTokenAndLaterRangesShift() {
        // HF sums symbol lengths to get ranges, so the dropped character shifts what follows.
        Bpe bpe = Bpe.builder(vocab("a", "b"), List.of()).build();
        assertThat(bpe.tokenize("axb")).containsExactly(new Token(0, "a", 0, 1), new Token(1, "b", 1, 2));
    }

    @Test
    void unkTokenMissingFromTheVocabularyFailsOnlyWhenNeeded() {
        Bpe bpe = Bpe.builder(vocab("a"), List.of()).unkToken("<unk>").build();
        assertThat(bpe.tokenize("a")).containsExactly(new Token(0, "a", 0, 1));
        assertThatThrownBy(() -> bpe.tokenize("b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Unk token `<unk>` not found in the vocabulary");
    }

    @Test
    void continuingSubwordPrefixIsStrippedFromMergedTokens() {
        // HF: test_bpe_with_continuing_subword_prefix
        Bpe bpe = Bpe.builder(vocab("a", "##b", "##c", "ab", "abc"), merges("a ##b", "ab ##c"))
                .unkToken("[UNK]")
                .continuingSubwordPrefix("##")
                .build();
        assertThat(bpe.tokenize("ab")).containsExactly(new Token(3, "ab", 0, 2));
        assertThat(bpe.tokenize("abc")).containsExactly(new Token(4, "abc", 0, 3));
    }

    @Test
    void endOfWordSuffixAppliesToTheLastCharacter() {
        Bpe bpe = Bpe.builder(vocab("a", "b", "b</w>", "ab</w>", "ab"), merges("a b</w>", "a b"))
                .endOfWordSuffix("</w>")
                .build();
        assertThat(bpe.tokenize("ab")).containsExactly(new Token(3, "ab</w>", 0, 2));
        assertThat(bpe.tokenize("bab")).containsExactly(new Token(1, "b", 0, 1), new Token(3, "ab</w>", 1, 3));
    }

    @Test
    void byteFallbackUsesByteTokensForUnknownCharacters() {
        // HF: test_bpe_byte_fallback
        Bpe bpe = Bpe.builder(vocab("<unk>", "<0x61>"), List.of())
                .unkToken("<unk>")
                .byteFallback(true)
                .build();
        assertThat(bpe.tokenize("c")).containsExactly(new Token(0, "<unk>", 0, 1));
        assertThat(bpe.tokenize("a")).containsExactly(new Token(1, "<0x61>", 0, 1));
    }

    @Test
    void byteFallbackNamesBytesInUpperCaseHex() {
        // HF: test_bpe_byte_fallback_newline
        Bpe bpe = Bpe.builder(vocab("<unk>", "<0x0A>"), List.of())
                .unkToken("<unk>")
                .byteFallback(true)
                .build();
        assertThat(bpe.tokenize("\n")).containsExactly(new Token(1, "<0x0A>", 0, 1));
    }

    @Test
    void byteFallbackTokensOfOneCharacterAllCoverThatCharacter() {
        Bpe bpe = Bpe.builder(vocab("<unk>", "a", "<0xF0>", "<0x9F>", "<0xA4>", "<0x97>"), List.of())
                .unkToken("<unk>")
                .byteFallback(true)
                .build();
        assertThat(bpe.tokenize("a\uD83E\uDD17a")) // U+1F917
                .containsExactly(
                        new Token(1, "a", 0, 1),
                        new Token(2, "<0xF0>", 1, 3),
                        new Token(3, "<0x9F>", 1, 3),
                        new Token(4, "<0xA4>", 1, 3),
                        new Token(5, "<0x97>", 1, 3),
                        new Token(1, "a", 3, 4));
    }

    @Test
    void pendingUnknownTokenFollowsTheByteTokensOfTheNextCharacter() {
        // HF's merge_word keeps an unknown token pending across a byte-fallback character.
        Bpe bpe = Bpe.builder(vocab("<unk>", "<0xC3>", "<0xA9>"), List.of())
                .unkToken("<unk>")
                .byteFallback(true)
                .build();
        assertThat(bpe.tokenize("bé"))
                .containsExactly(
                        new Token(1, "<0xC3>", 0, 1), new Token(2, "<0xA9>", 1, 2), new Token(0, "<unk>", 1, 2));
    }

    @Test
    void ignoreMergesKeepsAPieceThatIsInTheVocabulary() {
        // HF: test_ignore_merges (ranges here in UTF-16 units; HF's are bytes)
        Bpe.Builder b = ignoreMergesModel();
        Bpe bpe = b.ignoreMerges(true).build();
        assertThat(bpe.tokenize(".:.:")).containsExactly(new Token(0, ".:.:", 0, 4));
        assertThat(bpe.tokenize("Ġbelirtilen")).containsExactly(new Token(1, "Ġbelirtilen", 0, 11));
    }

    @Test
    void withoutIgnoreMergesTheSamePieceIsMerged() {
        // HF: test_ignore_merges
        Bpe bpe = ignoreMergesModel().ignoreMerges(false).build();
        assertThat(bpe.tokenize(".:.:")).containsExactly(new Token(7, ".:", 0, 2), new Token(7, ".:", 2, 4));
        assertThat(bpe.tokenize("Ġbelirtilen"))
                .containsExactly(
                        new Token(6, "Ġ", 0, 1),
                        new Token(4, "bel", 1, 4),
                        new Token(15, "irtil", 4, 9),
                        new Token(14, "en", 9, 11));
    }

    private static Bpe.Builder ignoreMergesModel() {
        return Bpe.builder(
                vocab(
                        ".:.:",
                        "Ġbelirtilen",
                        ".",
                        ":",
                        "bel",
                        "irtilen",
                        "Ġ",
                        ".:",
                        "belirtilen",
                        ".:.",
                        "be",
                        "l",
                        "ir",
                        "ti",
                        "en",
                        "irtil",
                        "irti",
                        "i",
                        "r",
                        "t",
                        "b",
                        "e",
                        "n"),
                merges(". :", "b e", "be l", "i r", "t i", "ir ti", "e n", "irti l"));
    }

    @Test
    void lowestRankFirstAndLeftmostAmongEqualRanks() {
        Bpe bpe = Bpe.builder(vocab("a", "b", "aa", "ab"), merges("a b", "a a")).build();
        assertThat(bpe.tokenize("aaa")).extracting(Token::value).containsExactly("aa", "a");
        assertThat(bpe.tokenize("aab")).extracting(Token::value).containsExactly("a", "ab");
    }

    @Test
    void aCandidateWhosePairChangedIsSkipped() {
        // (a, b) is queued first but b merges with c before; then only (a, bc) applies.
        Bpe bpe = Bpe.builder(vocab("a", "b", "c", "ab", "bc", "abc"), merges("b c", "a b", "a bc"))
                .build();
        assertThat(bpe.tokenize("abc")).containsExactly(new Token(5, "abc", 0, 3));
    }

    @Test
    void aPairListedTwiceKeepsItsLaterRank() {
        // HF collects the merges into a map: the later entry of a pair replaces the earlier.
        Bpe bpe = Bpe.builder(vocab("a", "b", "c", "ab", "bc"), merges("b c", "a b", "b c"))
                .build();
        assertThat(bpe.tokenize("abc")).extracting(Token::value).containsExactly("ab", "c");
        assertThat(bpe.merges()).containsExactly(new Bpe.Merge("a", "b"), new Bpe.Merge("b", "c"));
    }

    @Test
    void aMergeOutsideTheVocabularyIsRejectedWithItsIndex() {
        // HF: test_bpe_from_file_merge_token_oov
        assertThatThrownBy(() -> Bpe.builder(vocab("a", "b", "c", "ab"), merges("a b", "a d"))
                        .build())
                .isInstanceOfSatisfying(
                        Bpe.InvalidMergeException.class,
                        e -> assertThat(e.index()).isEqualTo(1))
                .hasMessage("Token `d` out of vocabulary");
    }

    @Test
    void aMergeWhoseResultIsOutsideTheVocabularyIsRejected() {
        assertThatThrownBy(() -> Bpe.builder(vocab("a", "b"), merges("a b")).build())
                .isInstanceOf(Bpe.InvalidMergeException.class)
                .hasMessage("Token `ab` out of vocabulary");
    }

    @Test
    void dropoutOutsideZeroToOneIsRejected() {
        assertThatThrownBy(
                        () -> Bpe.builder(vocab("a"), List.of()).dropout(1.5f).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dropout should be between 0 and 1, inclusive");
    }

    @Test
    void anEmptyPieceHasNoTokens() {
        assertThat(unrelated().tokenize("")).isEmpty();
    }

    @Test
    void vocabularyLookups() {
        Bpe bpe = unrelated();
        assertThat(bpe.tokenToId("ated")).isEqualTo(12);
        assertThat(bpe.tokenToId("xyz")).isEqualTo(-1);
        assertThat(bpe.idToToken(12)).isEqualTo("ated");
        assertThat(bpe.idToToken(99)).isNull();
        assertThat(bpe.vocabSize()).isEqualTo(16);
        assertThat(bpe.vocab()).containsEntry("unrelated", 15).hasSize(16);
    }
}
