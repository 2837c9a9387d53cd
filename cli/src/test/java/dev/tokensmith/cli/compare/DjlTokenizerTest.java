package dev.tokensmith.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.cli.Fixtures;
import dev.tokensmith.core.diff.ReferenceTokenizer.Encoded;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HF reference through DJL on the CLI's test tokenizers ({@link Fixtures}). These are HF's answers, which the
 * end-to-end tests expect from Tokensmith too.
 */
class DjlTokenizerTest {
    private static DjlTokenizer hf;

    @BeforeAll
    static void open() throws Exception {
        hf = (DjlTokenizer) ReferenceLoader.djl().open(Fixtures.tinyBpeTemplate());
    }

    @AfterAll
    static void close() {
        hf.close();
    }

    @Test
    void encodesWholeTextsIgnoringTheDeclaredTruncationAndPadding() {
        Encoded e = hf.encode("hello world hello", false);
        assertThat(e.ids()).containsExactly(15, 7, 19, 7, 15);
        assertThat(e.tokens()).containsExactly("hello", " ", "world", " ", "hello");
        assertThat(e.offsets()).containsExactly(0, 5, 5, 6, 6, 11, 11, 12, 12, 17);
    }

    @Test
    void specialTokensComeFromTheTemplateWithOffsetsZeroZero() {
        Encoded e = hf.encode("hello", true);
        assertThat(e.ids()).containsExactly(1, 15, 2);
        assertThat(e.offsets()).containsExactly(0, 0, 0, 5, 0, 0);
    }

    @Test
    void unknownCharactersBecomeTheUnknownToken() {
        assertThat(hf.encode("hex", false).ids()).containsExactly(12, 0);
    }

    @Test
    void carriageReturnIsAToken() {
        assertThat(hf.encode("hello\r", false).ids()).containsExactly(15, 11);
    }

    @Test
    void offsetsAreInUtf16UnitsAroundSupplementaryCharacters() {
        // DJL reports code-point spans: h (0, 1), 🙂 (1, 2), e (2, 3).
        Encoded e = hf.encode("h🙂e", false);
        assertThat(e.ids()).containsExactly(3, 0, 4);
        assertThat(e.offsets()).containsExactly(0, 1, 1, 3, 3, 4);
    }

    @Test
    void unpairedSurrogatesAreEncodedAsReplacementCharacters() {
        Encoded lone = hf.encode("h\uD83De\uDE42🙂", false);
        Encoded replaced = hf.encode("h\uFFFDe\uFFFD🙂", false);
        assertThat(lone.ids()).containsExactly(3, 0, 4, 0, 0).isEqualTo(replaced.ids());
        assertThat(lone.offsets()).containsExactly(0, 1, 1, 2, 2, 3, 3, 4, 4, 6).isEqualTo(replaced.offsets());
    }

    @Test
    void replacementTouchesOnlyUnpairedSurrogates() {
        assertThat(DjlTokenizer.replaceUnpairedSurrogates("\uDE42🙂\uD83D")).isEqualTo("\uFFFD🙂\uFFFD");
        assertThat(DjlTokenizer.firstUnpairedSurrogate("a🙂b")).isEqualTo(-1);
        assertThat(DjlTokenizer.firstUnpairedSurrogate("a🙂\uD83Db")).isEqualTo(3);
    }

    @Test
    void decodeFusesTokensAndCanSkipSpecialOnes() {
        assertThat(hf.decode(new int[] {1, 15, 7, 19, 2}, false)).isEqualTo("<s>hello world</s>");
        assertThat(hf.decode(new int[] {1, 15, 7, 19, 2}, true)).isEqualTo("hello world");
    }

    @Test
    void withoutADecoderTokensAreJoinedWithSpaces() throws Exception {
        try (DjlTokenizer plain = (DjlTokenizer) ReferenceLoader.djl().open(Fixtures.tinyBpe())) {
            assertThat(plain.decode(new int[] {15, 7, 19}, false)).isEqualTo("hello   world");
        }
    }

    @Test
    void nameSaysWhatTheReferenceIs() {
        assertThat(hf.name()).startsWith("HF tokenizers ").endsWith("(DJL)");
    }

    @Test
    void presenceIsCheckedWithoutLoadingDjl() throws IOException {
        assertThat(ReferenceLoader.isPresent(
                        ReferenceLoader.DJL_CLASS, getClass().getClassLoader()))
                .isTrue();
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            assertThat(ReferenceLoader.isPresent(ReferenceLoader.DJL_CLASS, bare))
                    .isFalse();
        }
    }
}
