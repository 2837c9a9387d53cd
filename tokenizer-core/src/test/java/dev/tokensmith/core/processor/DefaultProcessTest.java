package dev.tokensmith.core.processor;

import static dev.tokensmith.core.processor.TestEncodings.fromTokens;
import static dev.tokensmith.core.processor.TestEncodings.tok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Encoding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without a post-processor (HF's default_process); expected values checked with the DJL oracle. */
class DefaultProcessTest {

    @Test
    void keepsASingleEncodingInSequenceZero() {
        Encoding e = fromTokens(0, tok(3, "Hello", 0, 5), tok(4, "there", 6, 11));

        Encoding out = PostProcessor.defaultProcess(e, null);

        assertThat(out.ids()).containsExactly(3, 4);
        assertThat(out.sequenceIds()).containsExactly(0, 0);
    }

    @Test
    void concatenatesAPairKeepingTheModelsTypeIds() {
        Encoding e = fromTokens(0, tok(3, "Hello", 0, 5), tok(4, "there", 6, 11));
        Encoding pair = fromTokens(1, tok(5, "pair", 0, 4));

        Encoding out = PostProcessor.defaultProcess(e, pair);

        assertThat(out.ids()).containsExactly(3, 4, 5);
        assertThat(out.typeIds()).containsExactly(0, 0, 1);
        assertThat(out.sequenceIds()).containsExactly(0, 0, 1);
        assertThat(out.offsets()).containsExactly(0, 5, 6, 11, 0, 4);
    }

    @Test
    void putsEveryTokenOfAnOverflowingPairPartInSequenceZero() {
        // HF quirk: the overflowing part of the first sequence has no ranges; merged with the pair it has only
        // range 1, so get_sequence_ids walks sequence 0 alone, whose missing range covers everything.
        Encoding e = fromTokens(0, List.of(fromTokens(0, tok(6, "more", 12, 16))), tok(3, "Hello", 0, 5));
        Encoding pair = fromTokens(1, tok(5, "pair", 0, 4));

        Encoding out = PostProcessor.defaultProcess(e, pair);

        assertThat(out.overflowing()).hasSize(1);
        assertThat(out.overflowing().get(0).ids()).containsExactly(6, 5);
        assertThat(out.overflowing().get(0).sequenceIds()).containsExactly(0, 0);
    }
}
