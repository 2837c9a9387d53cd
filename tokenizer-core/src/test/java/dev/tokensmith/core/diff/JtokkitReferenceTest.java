package dev.tokensmith.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.testdata.ReleasedTokenizers;
import org.junit.jupiter.api.Test;

class JtokkitReferenceTest {
    private static final JtokkitReference CL100K = JtokkitReference.builtin("cl100k_base");

    @Test
    void encodesOrdinaryText() {
        // JTokkit's documented example: cl100k_base "hello world" -> [15339, 1917]
        assertThat(CL100K.encode("hello world", false).ids()).containsExactly(15339, 1917);
    }

    @Test
    void readsSpecialTokensInTheTextAsSpecialTokens() {
        assertThat(CL100K.encode("hello <|endoftext|> world", false).ids()).containsExactly(15339, 220, 100257, 1917);
        assertThat(CL100K.encode("<|endoftext|><|fim_prefix|>", true).ids()).containsExactly(100257, 100258);
    }

    @Test
    void decodeCanSkipSpecialTokens() {
        int[] ids = CL100K.encode("hello<|endoftext|>", false).ids();

        assertThat(CL100K.decode(ids, false)).isEqualTo("hello<|endoftext|>");
        assertThat(CL100K.decode(ids, true)).isEqualTo("hello");
    }

    @Test
    void hasNoOffsets() {
        assertThat(CL100K.supportsOffsets()).isFalse();
        assertThat(CL100K.encode("hello", false).offsets()).isNull();
    }

    @Test
    void unpairedSurrogatesAreEncodedAsReplacementCharacters() {
        assertThat(CL100K.encode("a\uD800b", false).ids())
                .containsExactly(CL100K.encode("a\uFFFDb", false).ids());
        assertThat(JtokkitReference.replaceUnpairedSurrogates("\uDC00😀\uD83D")).isEqualTo("\uFFFD😀\uFFFD");
    }

    @Test
    void everyBuiltinLoads() {
        for (String name : ReleasedTokenizers.TIKTOKEN) {
            ReferenceTokenizer t = ReleasedTokenizers.reference(name);
            assertThat(t.decode(t.encode("Hello world", false).ids(), false)).isEqualTo("Hello world");
        }
    }

    @Test
    void claudeAppliesNfkcAndKnowsItsSpecialTokens() {
        JtokkitReference claude = (JtokkitReference) ReleasedTokenizers.reference("claude");

        assertThat(claude.encode("ﬁne", false).ids())
                .containsExactly(claude.encode("fine", false).ids());
        assertThat(claude.encode("<EOT>", false).ids()).containsExactly(0);
        assertThat(claude.decode(claude.encode("Hello world", false).ids(), false))
                .isEqualTo("Hello world");
    }
}
