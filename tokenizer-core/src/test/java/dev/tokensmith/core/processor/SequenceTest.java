package dev.tokensmith.core.processor;

import static dev.tokensmith.core.processor.TestEncodings.fromTokens;
import static dev.tokensmith.core.processor.TestEncodings.tok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceTest {
    private static final ByteLevel BYTE_LEVEL = new ByteLevel(new ByteLevelConfig(true, true, true));
    private static final TemplateProcessing CLS_SEP = TemplateProcessing.of(
            "[CLS] $A [SEP]", "$A $B:1", List.of(SpecialToken.of("[CLS]", 1), SpecialToken.of("[SEP]", 2)));

    @Test
    void chainsItsProcessors() {
        // HF processors/sequence.rs process_chain: a sequence of one ByteLevel acts as the ByteLevel.
        Encoding start = fromTokens(
                0,
                tok(0, "Ġ", 0, 1),
                tok(0, "ĠĠĠĠHelloĠĠ", 0, 11),
                tok(0, "ĠĠHello", 11, 18),
                tok(0, "HelloĠĠ", 18, 25),
                tok(0, "ĠĠĠĠ", 25, 29));
        Sequence sequence = new Sequence(List.of(BYTE_LEVEL));

        assertThat(sequence.process(start, null, false)).isEqualTo(BYTE_LEVEL.process(start, null, false));
        assertThat(sequence.process(start, start, false)).isEqualTo(BYTE_LEVEL.process(start, start, false));
    }

    @Test
    void addsTheTokensOfAllItsProcessors() {
        Sequence sequence = new Sequence(List.of(BYTE_LEVEL, CLS_SEP, BertProcessing.defaults()));

        assertThat(sequence.addedTokens(false)).isEqualTo(4);
        assertThat(sequence.addedTokens(true)).isEqualTo(3);
    }

    @Test
    void byteLevelAfterATemplateNumbersTheTemplatePartsAsSequences() {
        // DJL oracle (tokenizers 0.21): Sequence[TemplateProcessing, ByteLevel] on "Hello there" gives
        // sequence ids [-1, 1, 1, 2]: ByteLevel tags the template's three parts 0, 1, 2, and the [CLS] range
        // is overwritten when the parts merge.
        Encoding e = fromTokens(0, tok(3, "Hello", 0, 5), tok(4, "there", 6, 11));

        Encoding out = new Sequence(List.of(CLS_SEP, BYTE_LEVEL)).process(e, null, true);

        assertThat(out.ids()).containsExactly(1, 3, 4, 2);
        assertThat(out.sequenceIds()).containsExactly(-1, 1, 1, 2);
    }
}
