package dev.tokensmith.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.cli.Fixtures;
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
    private static ComparedTokenizer hf;

    @BeforeAll
    static void open() throws Exception {
        hf = ReferenceLoader.djl().open(Fixtures.tinyBpeTemplate());
    }

    @AfterAll
    static void close() {
        hf.close();
    }

    @Test
    void encodesWholeTextsIgnoringTheDeclaredTruncationAndPadding() {
        Tokenization t = hf.encode("hello world hello", false);
        assertThat(t.ids()).containsExactly(15, 7, 19, 7, 15);
        assertThat(t.tokens()).containsExactly("hello", " ", "world", " ", "hello");
        assertThat(t.offsets()).containsExactly(0, 5, 5, 6, 6, 11, 11, 12, 12, 17);
    }

    @Test
    void specialTokensComeFromTheTemplateAndHaveNoOffsets() {
        Tokenization t = hf.encode("hello", true);
        assertThat(t.ids()).containsExactly(1, 15, 2);
        assertThat(t.offsets()).containsExactly(-1, -1, 0, 5, -1, -1);
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
    void decodeFusesTokensAndCanSkipSpecialOnes() {
        assertThat(hf.decode(new int[] {1, 15, 7, 19, 2}, false)).isEqualTo("<s>hello world</s>");
        assertThat(hf.decode(new int[] {1, 15, 7, 19, 2}, true)).isEqualTo("hello world");
    }

    @Test
    void withoutADecoderTokensAreJoinedWithSpaces() throws Exception {
        try (ComparedTokenizer plain = ReferenceLoader.djl().open(Fixtures.tinyBpe())) {
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
