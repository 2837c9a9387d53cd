package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.text.scan.PieceScanners;
import org.junit.jupiter.api.Test;

/**
 * The patterns that the tiktoken encodings split with once converted for Oniguruma (what {@link TiktokenConverter}
 * puts in their Split) all have hand-written scanners.
 */
class TiktokenScannedPatternsTest {

    @Test
    void theConvertedBuiltInPatternsAreTheRecognisedOnigurumaForms() {
        assertThat(FancyRegexToOniguruma.translate(Tiktoken.R50K_PATTERN)).isEqualTo(PieceScanners.R50K_ONIGURUMA);
        assertThat(FancyRegexToOniguruma.translate(Tiktoken.CL100K_PATTERN)).isEqualTo(PieceScanners.CL100K_ONIGURUMA);
        assertThat(FancyRegexToOniguruma.translate(Tiktoken.O200K_PATTERN)).isEqualTo(Tiktoken.O200K_PATTERN);
        // claude.json's pattern
        assertThat(FancyRegexToOniguruma.translate(ByteLevel.GPT2_REGEX)).isEqualTo(ByteLevel.GPT2_REGEX);
        for (String p : new String[] {
            PieceScanners.R50K_ONIGURUMA, PieceScanners.CL100K_ONIGURUMA, Tiktoken.O200K_PATTERN, ByteLevel.GPT2_REGEX
        }) {
            assertThat(PieceScanners.forPattern(p)).as(p).isPresent();
        }
    }
}
