package dev.tokensmith.corpora.mix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentKeyTest {
    @Test
    void isTheFirstEightBytesOfSha256OverPurposeSeedAndText() {
        // python3: int.from_bytes(hashlib.sha256(b"sample\0" + (42).to_bytes(8, "big") +
        // "héllo".encode()).digest()[:8], "big")
        assertThat(Long.toUnsignedString(new DocumentKey("sample", 42).of("héllo")))
                .isEqualTo(EXPECTED);
    }

    @Test
    void dependsOnThePurposeTheSeedAndTheText() {
        long key = new DocumentKey("sample", 42).of("text");
        assertThat(new DocumentKey("sample", 42).of("text")).isEqualTo(key);
        assertThat(new DocumentKey("split", 42).of("text")).isNotEqualTo(key);
        assertThat(new DocumentKey("sample", 43).of("text")).isNotEqualTo(key);
        assertThat(new DocumentKey("sample", 42).of("text ")).isNotEqualTo(key);
    }

    private static final String EXPECTED = "18435227773789584913";
}
