package dev.tokensmith.core.processor;

import static dev.tokensmith.core.processor.TestEncodings.fromTokens;
import static dev.tokensmith.core.processor.TestEncodings.tok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import org.junit.jupiter.api.Test;

/** The byte-level post-processor; expected values from HF pre_tokenizers/byte_level.rs, unless noted. */
class ByteLevelTest {
    private static final ByteLevel TRIMMING = new ByteLevel(new ByteLevelConfig(true, true, true));

    private static Encoding spaced() {
        return fromTokens(
                0,
                tok(0, "Ġ", 0, 1),
                tok(0, "ĠĠĠĠHelloĠĠ", 0, 11),
                tok(0, "ĠĠHello", 11, 18),
                tok(0, "HelloĠĠ", 18, 25),
                tok(0, "ĠĠĠĠ", 25, 29));
    }

    @Test
    void addsNoTokens() {
        assertThat(TRIMMING.addedTokens(false)).isZero();
        assertThat(TRIMMING.addedTokens(true)).isZero();
    }

    @Test
    void trimsLeadingAndTrailingSpacesFromOffsets() {
        // HF: processor_trims_offsets
        Encoding e = TRIMMING.process(spaced(), null, false);

        assertThat(e.offsets()).containsExactly(0, 0, 4, 9, 13, 18, 18, 23, 29, 29);
        assertThat(e.sequenceIds()).containsExactly(0, 0, 0, 0, 0);
        assertThat(e.typeIds()).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void trimsBothSequencesOfAPairAndTagsThem() {
        // HF: processor_trims_offsets (pair)
        Encoding e = TRIMMING.process(spaced(), spaced(), false);

        assertThat(e.offsets()).containsExactly(0, 0, 4, 9, 13, 18, 18, 23, 29, 29, 0, 0, 4, 9, 13, 18, 18, 23, 29, 29);
        assertThat(e.typeIds()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
        assertThat(e.sequenceIds()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
    }

    @Test
    void keepsTheAddedPrefixSpaceOfEveryTokenStartingAtZero() {
        // HF: processor_trims_offsets_pre_tokenized (pre-tokenized words all start at 0)
        Encoding e = fromTokens(0, tok(0, "Ġl", 0, 1), tok(0, "ove", 1, 4), tok(0, "Ġl", 0, 1), tok(0, "ove", 1, 4));

        assertThat(TRIMMING.process(e, null, false).offsets()).containsExactly(0, 1, 1, 4, 0, 1, 1, 4);
    }

    @Test
    void trimsTheFirstSpaceWithoutPrefixSpace() {
        ByteLevel noPrefix = new ByteLevel(new ByteLevelConfig(false, true, true));

        assertThat(noPrefix.process(fromTokens(0, tok(0, "Ġhi", 0, 3)), null, false)
                        .offsets())
                .containsExactly(1, 3);
    }

    @Test
    void trimsRealWhitespaceCharactersToo() {
        // HF counts chars that are Ġ or char::is_whitespace (here U+3000 and a tab).
        Encoding e = fromTokens(0, tok(0, "x", 0, 1), tok(0, "\u3000word\t", 1, 7));

        assertThat(TRIMMING.process(e, null, false).offsets()).containsExactly(0, 1, 2, 6);
    }

    @Test
    void leavesOffsetsAloneWithoutTrimOffsets() {
        ByteLevel llama3 = new ByteLevel(new ByteLevelConfig(true, false, true));

        assertThat(llama3.process(spaced(), null, true).offsets()).containsExactly(0, 1, 0, 11, 11, 18, 18, 25, 25, 29);
    }

    @Test
    void trimsOverflowingPartsToo() {
        Encoding over = fromTokens(0, tok(0, "ĠĠx", 5, 8));
        Encoding e = fromTokens(0, java.util.List.of(over), tok(0, "y", 0, 1));

        assertThat(TRIMMING.process(e, null, true).overflowing().get(0).offsets())
                .containsExactly(7, 8);
    }
}
