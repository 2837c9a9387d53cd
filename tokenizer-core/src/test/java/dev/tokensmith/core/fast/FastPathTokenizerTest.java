package dev.tokensmith.core.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.diff.LabeledText;
import dev.tokensmith.core.testdata.AdversarialText;
import dev.tokensmith.core.testdata.ParityCorpus;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokenizers take their fast path where one exists, and it answers as the general pipeline does. */
class FastPathTokenizerTest {
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o", "r50k_base", "p50k_base", "cl100k_base", "o200k_base"})
    void byteLevelTokenizersHaveAFastPath(String name) {
        assertThat(ReleasedTokenizers.tokensmith(name).hasFastPath()).isTrue();
    }

    @Test
    void theGeneralPathCanBeForced() {
        Tokenizer t = ReleasedTokenizers.tokensmith("cl100k_base").generalPathOnly();
        assertThat(t.hasFastPath()).isFalse();
        assertThat(t.withoutTruncationOrPadding().hasFastPath()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3", "cl100k_base"})
    void encodesAndCountsAsTheGeneralPathWithAddedTokens(String name) {
        Tokenizer fast = ReleasedTokenizers.tokensmith(name);
        Tokenizer general = fast.generalPathOnly();
        String special = name.equals("llama3") ? "<|begin_of_text|>" : "<|endoftext|>";
        for (LabeledText t : AdversarialText.small()) {
            String text = special + t.text() + special + special + "x" + special + " " + t.text();
            assertThat(fast.encode(text, true)).as(t.label()).isEqualTo(general.encode(text, true));
            assertThat(fast.countTokens(text)).as(t.label()).isEqualTo(general.countTokens(text));
            assertThat(fast.encodeIds(text, false))
                    .as(t.label())
                    .isEqualTo(general.encode(text, false).ids());
            assertThat(fast.encodeIds(text, true))
                    .as(t.label())
                    .isEqualTo(general.encode(text, true).ids());
        }
    }

    @Test
    void bertIdsAndCountsAreTheGeneralPipelines() {
        Tokenizer fast = ReleasedTokenizers.tokensmith("bert").withoutTruncationOrPadding();
        Tokenizer general = fast.generalPathOnly();
        assertThat(fast.hasFastPath()).isTrue();
        for (LabeledText t : AdversarialText.small()) {
            String text = "[CLS] " + t.text() + " [SEP]" + t.text();
            assertThat(fast.encodeIds(text, false))
                    .as(t.label())
                    .isEqualTo(general.encode(text, false).ids());
            assertThat(fast.encodeIds(text, true))
                    .as(t.label())
                    .isEqualTo(general.encode(text, true).ids());
            assertThat(fast.countTokens(text)).as(t.label()).isEqualTo(general.countTokens(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3", "cl100k_base", "o200k_base", "r50k_base", "bert"})
    void streamingEqualsEncodingTheWhole(String name) throws IOException {
        Tokenizer tok = ReleasedTokenizers.tokensmith(name);
        StringBuilder sb = new StringBuilder();
        for (LabeledText t : ParityCorpus.open().documents(1_500_000)) {
            sb.append(t.text()).append('\n');
        }
        sb.append("x".repeat(300_000)).append(" tail of a long run");
        String text = sb.toString();
        int[] expected = tok.withoutTruncationOrPadding().encodeIds(text, false);
        int[] got = new int[expected.length + 16];
        int[] n = {0};
        long count = tok.encodeStream(new ChoppyReader(text, 7), id -> {
            if (n[0] < got.length) {
                got[n[0]] = id;
            }
            n[0]++;
        });
        assertThat(count).isEqualTo(expected.length);
        assertThat(java.util.Arrays.copyOf(got, expected.length)).isEqualTo(expected);
    }

    /** A reader that hands out text in random small and large pieces, as sockets and decoders do. */
    private static final class ChoppyReader extends Reader {
        private final Reader in;
        private final SplittableRandom random;

        ChoppyReader(String text, long seed) {
            this.in = new StringReader(text);
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int want = random.nextInt(4) == 0 ? 1 + random.nextInt(7) : len;
            return in.read(cbuf, off, Math.min(len, want));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
