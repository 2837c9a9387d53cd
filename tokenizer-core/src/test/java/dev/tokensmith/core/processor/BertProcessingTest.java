package dev.tokensmith.core.processor;

import static dev.tokensmith.core.processor.TestEncodings.fromTokens;
import static dev.tokensmith.core.processor.TestEncodings.tok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Encoding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values from HF processors/bert.rs {@code bert_processing}. */
class BertProcessingTest {
    private final BertProcessing processor = BertProcessing.defaults();
    private final Encoding encoding = fromTokens(0, tok(12, "Hello", 0, 5), tok(14, "there", 6, 11));
    private final Encoding pair = fromTokens(0, tok(15, "pair", 0, 4));

    @Test
    void addsTwoTokensForASequenceAndThreeForAPair() {
        assertThat(processor.addedTokens(false)).isEqualTo(2);
        assertThat(processor.addedTokens(true)).isEqualTo(3);
    }

    @Test
    void wrapsASingleSequenceInClsAndSep() {
        Encoding e = processor.process(encoding, null, true);

        assertThat(e.ids()).containsExactly(101, 12, 14, 102);
        assertThat(e.typeIds()).containsExactly(0, 0, 0, 0);
        assertThat(e.tokens()).containsExactly("[CLS]", "Hello", "there", "[SEP]");
        assertThat(e.wordIds()).containsExactly(-1, -1, -1, -1);
        assertThat(e.offsets()).containsExactly(0, 0, 0, 5, 6, 11, 0, 0);
        assertThat(e.specialTokensMask()).containsExactly(1, 0, 0, 1);
        assertThat(e.sequenceIds()).containsExactly(-1, 0, 0, -1);
    }

    @Test
    void separatesAPairAndGivesTheSecondSequenceTypeIdOne() {
        Encoding e = processor.process(encoding, pair, true);

        assertThat(e.ids()).containsExactly(101, 12, 14, 102, 15, 102);
        assertThat(e.typeIds()).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(e.tokens()).containsExactly("[CLS]", "Hello", "there", "[SEP]", "pair", "[SEP]");
        assertThat(e.offsets()).containsExactly(0, 0, 0, 5, 6, 11, 0, 0, 0, 4, 0, 0);
        assertThat(e.specialTokensMask()).containsExactly(1, 0, 0, 1, 0, 1);
        assertThat(e.sequenceIds()).containsExactly(-1, 0, 0, -1, 1, -1);
    }

    @Test
    void withoutSpecialTokensOnlyConcatenatesWithTypeAndSequenceIds() {
        Encoding e = processor.process(encoding, pair, false);

        assertThat(e.ids()).containsExactly(12, 14, 15);
        assertThat(e.typeIds()).containsExactly(0, 0, 1);
        assertThat(e.offsets()).containsExactly(0, 5, 6, 11, 0, 4);
        assertThat(e.specialTokensMask()).containsExactly(0, 0, 0);
        assertThat(e.sequenceIds()).containsExactly(0, 0, 1);
    }

    @Test
    void resetsTheSpecialTokensMaskOfSequenceTokens() {
        // HF builds the sequence part's mask as zeros, even for a special token found in the text.
        Encoding withSpecial =
                Encoding.builder(1).add(102, "[SEP]", 0, 5, 0, -1, 1, -1).build();

        Encoding e = processor.process(withSpecial, null, true);

        assertThat(e.specialTokensMask()).containsExactly(1, 0, 1);
    }

    @Test
    void wrapsEachOverflowingPartLikeItsSequence() {
        Encoding over = fromTokens(0, tok(13, "you", 12, 15));
        Encoding first = fromTokens(0, List.of(over), tok(12, "Hello", 0, 5));
        Encoding second = fromTokens(1, List.of(fromTokens(1, tok(17, "info", 10, 14))), tok(15, "pair", 0, 4));

        Encoding e = processor.process(first, second, true);

        assertThat(e.ids()).containsExactly(101, 12, 102, 15, 102);
        // The merge's overflowing parts, in HF's order: first's part + pair, first's part + pair's part,
        // first + pair's part.
        assertThat(e.overflowing())
                .extracting(Encoding::ids)
                .containsExactly(new int[] {101, 13, 102, 15, 102}, new int[] {101, 13, 102, 17, 102}, new int[] {
                    101, 12, 102, 17, 102
                });
        assertThat(e.overflowing().get(2).typeIds()).containsExactly(0, 0, 0, 1, 1);
        assertThat(e.overflowing().get(0).sequenceIds()).containsExactly(-1, 0, -1, 1, -1);
    }
}
