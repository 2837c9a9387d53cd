package dev.tokensmith.transplant.align;

import static dev.tokensmith.transplant.align.ReleasedTokenizers.load;
import static dev.tokensmith.transplant.align.ReleasedTokenizers.vocab;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.transplant.align.VocabAlignment.Match;
import dev.tokensmith.transplant.align.VocabAlignment.SpecialRow;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shared, new and dropped tokens and special rows between released tokenizers. */
class VocabAlignmentTest {
    private static VocabAlignment align(String from, String to) {
        return VocabAlignment.between(vocab(from), vocab(to));
    }

    @Test
    void llama3ContainsAllOfCl100k() {
        // Llama 3's vocabulary is cl100k_base's 100,256 ordinary tokens and 28,000 more
        VocabAlignment a = align("cl100k_base", "llama3");
        assertThat(a.droppedSourceIds()).isEmpty();
        assertThat(a.sharedTargetIds()).hasSize(100_256);
        assertThat(a.newTargetIds()).hasSize(128_000 - 100_256);
        // and in the same order: ids of shared tokens agree
        for (int t : a.sharedTargetIds()) {
            assertThat(a.sourceOf(t)).isEqualTo(t);
        }
    }

    @Test
    void llama3AndGpt4oShareMostTokens() {
        VocabAlignment a = align("llama3", "gpt4o");
        // four in five of Llama 3's ordinary tokens are GPT-4o tokens too
        assertThat(a.sharedTargetIds().length).isGreaterThan(100_000);
        assertThat(a.droppedSourceIds().length).isLessThan(128_000 / 5);
    }

    @Test
    void llama2AndLlama3ShareWordsAcrossSpellings() {
        VocabAlignment a = align("llama2", "llama3");
        int the = load("llama2").tokenToId("▁the");
        assertThat(load("llama3").idToToken(a.targetOf(the))).isEqualTo("Ġthe");
        int newline = load("llama2").tokenToId("<0x0A>");
        assertThat(load("llama3").idToToken(a.targetOf(newline))).isEqualTo("Ċ");
        // the lead byte of "—" (E2 80 94)
        int lead = load("llama2").tokenToId("<0xE2>");
        assertThat(load("llama3").idToToken(a.targetOf(lead))).isEqualTo("â");
        assertThat(a.sharedTargetIds().length).isGreaterThan(25_000);
    }

    @Test
    void bertAndGpt2ShareLowerCaseWordsOnly() {
        VocabAlignment a = align("bert", "r50k_base");
        assertThat(load("r50k_base").idToToken(a.targetOf(load("bert").tokenToId("house"))))
                .isEqualTo("Ġhouse");
        assertThat(load("r50k_base").idToToken(a.targetOf(load("bert").tokenToId("##ing"))))
                .isEqualTo("ing");
        assertThat(a.sourceOf(load("r50k_base").tokenToId("ĠHouse"))).isEqualTo(-1);
        assertThat(a.sharedTargetIds().length).isBetween(15_000, 25_000);
    }

    @Test
    void r50kAndCl100kShareMostOfGpt2() {
        VocabAlignment a = align("r50k_base", "cl100k_base");
        assertThat(a.sharedTargetIds().length).isGreaterThan(40_000);
        assertThat(a.droppedSourceIds().length).isLessThan(10_000);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"llama2, llama3", "bert, r50k_base", "claude, cl100k_base", "llama3, llama2"})
    void everyTokenIsSharedNewOrDroppedAndSharedTokensHaveEqualBytes(String from, String to) {
        VocabAlignment a = align(from, to);
        CanonicalVocab src = a.from();
        CanonicalVocab dst = a.to();
        int ordinaryTargets = 0;
        for (int t = 0; t < dst.idLimit(); t++) {
            if (dst.has(t) && !dst.isSpecial(t)) {
                ordinaryTargets++;
            }
        }
        assertThat(a.sharedTargetIds().length + a.newTargetIds().length).isEqualTo(ordinaryTargets);
        int[] targets = a.sharedTargetIds();
        int[] sources = a.sharedSourceIds();
        assertThat(sources).hasSameSizeAs(targets);
        for (int i = 0; i < targets.length; i++) {
            assertThat(sources[i]).isEqualTo(a.sourceOf(targets[i]));
            assertThat(src.bytes(sources[i])).isEqualTo(dst.bytes(targets[i]));
        }
        for (int t : a.newTargetIds()) {
            assertThat(a.sourceOf(t)).isEqualTo(-1);
            assertThat(src.primaryId(dst.bytes(t))).isEqualTo(-1);
        }
        for (int s : a.droppedSourceIds()) {
            assertThat(a.targetOf(s)).isEqualTo(-1);
            assertThat(dst.primaryId(src.bytes(s))).isEqualTo(-1);
        }
    }

    @Test
    void everySpecialTokenKeepsItsOwnRow() {
        VocabAlignment a = align("llama2", "llama3");
        List<SpecialRow> rows = a.specialRows();
        // 256 target specials, plus Llama 2's <unk>, which Llama 3 has no role for
        assertThat(rows).hasSize(257);
        Set<Integer> targets = new HashSet<>();
        rows.stream()
                .filter(r -> r.targetId() >= 0)
                .forEach(r -> assertThat(targets.add(r.targetId())).isTrue());
        assertThat(rows)
                .filteredOn(r -> r.match() == Match.ROLE)
                .extracting(SpecialRow::targetToken, SpecialRow::sourceToken)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("<|begin_of_text|>", "<s>"),
                        org.assertj.core.groups.Tuple.tuple("<|end_of_text|>", "</s>"));
        assertThat(rows)
                .filteredOn(r -> r.match() == Match.DROPPED)
                .extracting(SpecialRow::sourceToken)
                .containsExactly("<unk>");
        assertThat(rows).filteredOn(r -> r.match() == Match.NEW).hasSize(254);
    }

    @Test
    void specialsMatchByTextWhereNoRoleSaysMore() {
        VocabAlignment a = align("cl100k_base", "gpt4o");
        assertThat(a.specialRows())
                .filteredOn(r -> r.targetToken() != null && r.targetToken().equals("<|endofprompt|>"))
                .singleElement()
                .extracting(SpecialRow::match)
                .isEqualTo(Match.TEXT);
    }

    @Test
    void standInRolesPairClsWithBosAndSepWithEos() {
        VocabAlignment a = align("bert", "llama2");
        assertThat(a.specialRows())
                .filteredOn(r -> r.match() == Match.STAND_IN_ROLE)
                .extracting(SpecialRow::targetToken, SpecialRow::sourceToken)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("<s>", "[CLS]"),
                        org.assertj.core.groups.Tuple.tuple("</s>", "[SEP]"));
    }

    @Test
    void overridesDecideWhichTokenPlaysARole() {
        CanonicalVocab llama3 = CanonicalVocab.of(load("llama3"), Map.of(SpecialRole.EOS, "<|eot_id|>"));
        VocabAlignment a = VocabAlignment.between(vocab("llama2"), llama3);
        assertThat(load("llama2").idToToken(a.sourceOf(load("llama3").tokenToId("<|eot_id|>"))))
                .isEqualTo("</s>");
        // <|end_of_text|> lost its role and starts as a new token, in a row of its own
        assertThat(a.sourceOf(load("llama3").tokenToId("<|end_of_text|>"))).isEqualTo(-1);
    }

    @Test
    void aCanonicalVocabularyFindsTokensByBytes() {
        CanonicalVocab v = vocab("cl100k_base");
        int id = v.primaryId(" the".getBytes(StandardCharsets.UTF_8));
        assertThat(v.token(id)).isEqualTo("Ġthe");
        assertThat(v.primaryId(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41, 0x42, 0x43}))
                .isEqualTo(-1);
    }
}
