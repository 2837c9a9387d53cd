package dev.tokensmith.core.processor;

import static dev.tokensmith.core.processor.TestEncodings.fromTokens;
import static dev.tokensmith.core.processor.TestEncodings.tok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.Encoding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values from HF processors/template.rs tests, unless noted. */
class TemplateProcessingTest {
    // HF's get_bert_template(): [CLS]=1, [SEP]=0.
    private static final TemplateProcessing BERT = TemplateProcessing.of(
            "[CLS] $0 [SEP]",
            "[CLS]:0 $A:0 [SEP]:0 $B:1 [SEP]:1",
            List.of(SpecialToken.of("[CLS]", 1), SpecialToken.of("[SEP]", 0)));

    private final Encoding encoding = fromTokens(0, tok(12, "Hello", 0, 5), tok(14, "there", 6, 11));
    private final Encoding pair = fromTokens(0, tok(15, "pair", 0, 4));

    @Test
    void countsTheSpecialTokensOfEachTemplate() {
        assertThat(BERT.addedTokens(false)).isEqualTo(2);
        assertThat(BERT.addedTokens(true)).isEqualTo(3);
    }

    @Test
    void appliesTheSingleTemplate() {
        Encoding e = BERT.process(encoding, null, true);

        assertThat(e.ids()).containsExactly(1, 12, 14, 0);
        assertThat(e.typeIds()).containsExactly(0, 0, 0, 0);
        assertThat(e.tokens()).containsExactly("[CLS]", "Hello", "there", "[SEP]");
        assertThat(e.wordIds()).containsExactly(-1, -1, -1, -1);
        assertThat(e.offsets()).containsExactly(0, 0, 0, 5, 6, 11, 0, 0);
        assertThat(e.specialTokensMask()).containsExactly(1, 0, 0, 1);
        assertThat(e.sequenceIds()).containsExactly(-1, 0, 0, -1);
    }

    @Test
    void appliesThePairTemplateWithItsTypeIds() {
        Encoding e = BERT.process(encoding, pair, true);

        assertThat(e.ids()).containsExactly(1, 12, 14, 0, 15, 0);
        assertThat(e.typeIds()).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(e.offsets()).containsExactly(0, 0, 0, 5, 6, 11, 0, 0, 0, 4, 0, 0);
        assertThat(e.specialTokensMask()).containsExactly(1, 0, 0, 1, 0, 1);
        assertThat(e.sequenceIds()).containsExactly(-1, 0, 0, -1, 1, -1);
    }

    @Test
    void withoutSpecialTokensKeepsOnlyTheSequencesWithTheirTemplateTypeIds() {
        Encoding e = BERT.process(encoding, pair, false);

        assertThat(e.ids()).containsExactly(12, 14, 15);
        assertThat(e.typeIds()).containsExactly(0, 0, 1);
        assertThat(e.sequenceIds()).containsExactly(0, 0, 1);
    }

    @Test
    void keepsTheSpecialTokensMaskOfSequenceTokens() {
        // Unlike BertProcessing, the template copies the input encoding as it is.
        Encoding withSpecial =
                Encoding.builder(1).add(0, "[SEP]", 0, 5, 0, 0, 1, -1).build();

        assertThat(BERT.process(withSpecial, null, true).specialTokensMask()).containsExactly(1, 1, 1);
    }

    @Test
    void combinesOverflowingParts() {
        // HF: template_processing_overflowing
        Encoding first = fromTokens(
                0, List.of(fromTokens(0, tok(13, "you", 12, 15))), tok(12, "Hello", 0, 5), tok(14, "there", 6, 11));
        Encoding second = fromTokens(
                0, List.of(fromTokens(0, tok(17, "info", 10, 14))), tok(15, "pair", 0, 4), tok(16, "with", 5, 9));

        Encoding single = BERT.process(first, null, true);
        assertThat(single.overflowing()).hasSize(1);
        Encoding singleOver = single.overflowing().get(0);
        assertThat(singleOver.ids()).containsExactly(1, 13, 0);
        assertThat(singleOver.offsets()).containsExactly(0, 0, 12, 15, 0, 0);
        assertThat(singleOver.sequenceIds()).containsExactly(-1, 0, -1);

        Encoding e = BERT.process(first, second, true);
        assertThat(e.ids()).containsExactly(1, 12, 14, 0, 15, 16, 0);
        assertThat(e.typeIds()).containsExactly(0, 0, 0, 0, 1, 1, 1);
        assertThat(e.sequenceIds()).containsExactly(-1, 0, 0, -1, 1, 1, -1);
        List<Encoding> over = e.overflowing();
        assertThat(over)
                .extracting(Encoding::ids)
                .containsExactly(
                        new int[] {1, 13, 0, 15, 16, 0}, new int[] {1, 13, 0, 17, 0}, new int[] {1, 12, 14, 0, 17, 0});
        assertThat(over.get(0).typeIds()).containsExactly(0, 0, 0, 1, 1, 1);
        // Overflowing parts keep the model's type ids (0 here), only the template's [SEP]:1 is 1.
        assertThat(over.get(1).typeIds()).containsExactly(0, 0, 0, 0, 1);
        assertThat(over.get(2).typeIds()).containsExactly(0, 0, 0, 0, 0, 1);
        assertThat(over.get(1).offsets()).containsExactly(0, 0, 12, 15, 0, 0, 10, 14, 0, 0);
        assertThat(over.get(2).sequenceIds()).containsExactly(-1, 0, 0, -1, 1, -1);
        assertThat(over.get(0).overflowing()).extracting(Encoding::ids).containsExactly(new int[] {1, 13, 0, 17, 0});
        assertThat(over.get(1).overflowing()).isEmpty();
        assertThat(over.get(2).overflowing()).extracting(Encoding::ids).containsExactly(new int[] {1, 13, 0, 17, 0});
    }

    @Test
    void insertsEveryTokenOfAMultiTokenSpecial() {
        TemplateProcessing t = new TemplateProcessing(
                Piece.parseTemplate("[2FR] $A"),
                Piece.parseTemplate("$A $B:1"),
                Map.of("[2FR]", new SpecialToken("[2FR]", new int[] {1, 2, 3}, List.of("convert", "to", "FR"))));

        Encoding e = t.process(fromTokens(0, tok(9, "x", 0, 1)), null, true);

        assertThat(t.addedTokens(false)).isEqualTo(3);
        assertThat(e.ids()).containsExactly(1, 2, 3, 9);
        assertThat(e.tokens()).containsExactly("convert", "to", "FR", "x");
        assertThat(e.specialTokensMask()).containsExactly(1, 1, 1, 0);
    }

    @Test
    void looksSpecialTokensUpByTheirMapKey() {
        // HF indexes special_tokens by the key; the id inside the entry is only written back.
        TemplateProcessing t = new TemplateProcessing(
                Piece.parseTemplate("<bos> $A"),
                Piece.parseTemplate("$A $B"),
                Map.of("<bos>", new SpecialToken("other", new int[] {7}, List.of("<s>"))));

        assertThat(t.process(fromTokens(0, tok(9, "x", 0, 1)), null, true).ids())
                .containsExactly(7, 9);
    }

    @Test
    void failsOnASpecialTokenMissingFromTheMapOnlyWhenAddingIt() {
        TemplateProcessing t =
                new TemplateProcessing(Piece.parseTemplate("[CLS] $A"), Piece.parseTemplate("$A $B"), Map.of());
        Encoding e = fromTokens(0, tok(9, "x", 0, 1));

        assertThat(t.addedTokens(false)).isZero();
        assertThat(t.process(e, null, false).ids()).containsExactly(9);
        assertThatThrownBy(() -> t.process(e, null, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[CLS]");
    }

    @Test
    void ofRejectsMissingSpecialTokens() {
        // HF: missing_special_tokens
        assertThatThrownBy(() -> TemplateProcessing.of("[CLS] $0 [SEP]", "[CLS] $A:0 [SEP] $B:1 [SEP]", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Missing SpecialToken(s) with id(s) `")
                .hasMessageContaining("[CLS]")
                .hasMessageContaining("[SEP]");
    }

    @Test
    void ofRejectsAPairTemplateWithoutBothSequences() {
        // HF: pair_must_use_both_sequences
        assertThatThrownBy(() -> TemplateProcessing.of("$0", "$0 $1", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Template for `pair` must use both sequences");
    }

    @Test
    void reTagsAnInputEachTimeTheTemplateUsesIt() {
        TemplateProcessing twice =
                new TemplateProcessing(Piece.parseTemplate("$A:0 $A:1"), Piece.parseTemplate("$A $B"), Map.of());

        Encoding e = twice.process(fromTokens(0, tok(9, "x", 0, 1)), null, true);

        assertThat(e.ids()).containsExactly(9, 9);
        assertThat(e.typeIds()).containsExactly(0, 1);
    }
}
