package dev.tokensmith.core.processor;

import static dev.tokensmith.core.processor.TestEncodings.fromTokens;
import static dev.tokensmith.core.processor.TestEncodings.tok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Encoding;
import org.junit.jupiter.api.Test;

/** Expected values from HF processors/roberta.rs {@code roberta_processing}, unless noted. */
class RobertaProcessingTest {
    private final RobertaProcessing processor = RobertaProcessing.defaults();
    private final Encoding encoding = fromTokens(0, tok(12, "Hello", 0, 5), tok(14, "there", 6, 11));
    private final Encoding pair = fromTokens(0, tok(15, "pair", 0, 4));

    @Test
    void addsTwoTokensForASequenceAndFourForAPair() {
        assertThat(processor.addedTokens(false)).isEqualTo(2);
        assertThat(processor.addedTokens(true)).isEqualTo(4);
    }

    @Test
    void wrapsASingleSequence() {
        Encoding e = processor.process(encoding, null, true);

        assertThat(e.ids()).containsExactly(0, 12, 14, 2);
        assertThat(e.typeIds()).containsExactly(0, 0, 0, 0);
        assertThat(e.tokens()).containsExactly("<s>", "Hello", "there", "</s>");
        assertThat(e.offsets()).containsExactly(0, 0, 0, 5, 6, 11, 0, 0);
        assertThat(e.specialTokensMask()).containsExactly(1, 0, 0, 1);
        assertThat(e.sequenceIds()).containsExactly(-1, 0, 0, -1);
    }

    @Test
    void separatesAPairWithTwoSepsAndKeepsTypeIdZero() {
        Encoding e = processor.process(encoding, pair, true);

        assertThat(e.ids()).containsExactly(0, 12, 14, 2, 2, 15, 2);
        assertThat(e.typeIds()).containsExactly(0, 0, 0, 0, 0, 0, 0);
        assertThat(e.tokens()).containsExactly("<s>", "Hello", "there", "</s>", "</s>", "pair", "</s>");
        assertThat(e.offsets()).containsExactly(0, 0, 0, 5, 6, 11, 0, 0, 0, 0, 0, 4, 0, 0);
        assertThat(e.specialTokensMask()).containsExactly(1, 0, 0, 1, 1, 0, 1);
        assertThat(e.sequenceIds()).containsExactly(-1, 0, 0, -1, -1, 1, -1);
    }

    @Test
    void withoutSpecialTokensStillSetsTypeIdZero() {
        Encoding e = processor.process(encoding, pair, false);

        assertThat(e.ids()).containsExactly(12, 14, 15);
        assertThat(e.typeIds()).containsExactly(0, 0, 0);
        assertThat(e.sequenceIds()).containsExactly(0, 0, 1);
    }

    @Test
    void trimsByteLevelWhitespaceFromOffsets() {
        // Same rule as the ByteLevel processor (HF calls process_offsets); the first token keeps the one
        // space the pre-tokenizer added.
        Encoding spaced = fromTokens(0, tok(1, "Ġhi", 0, 3), tok(2, "ĠĠthere", 3, 10));

        Encoding e = processor.process(spaced, null, true);

        assertThat(e.offsets()).containsExactly(0, 0, 0, 3, 5, 10, 0, 0);
    }

    @Test
    void keepsOffsetsWhenNotTrimming() {
        RobertaProcessing untrimmed = new RobertaProcessing("</s>", 2, "<s>", 0, false, true);
        Encoding spaced = fromTokens(0, tok(2, "ĠĠthere", 3, 10));

        assertThat(untrimmed.process(spaced, null, true).offsets()).containsExactly(0, 0, 3, 10, 0, 0);
    }
}
