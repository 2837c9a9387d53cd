package dev.tokensmith.corpora.count;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.normalizer.Nfkc;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.pretokenizer.Metaspace;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.pretokenizer.Whitespace;
import dev.tokensmith.core.pretokenizer.WhitespaceSplit;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import dev.tokensmith.core.train.PreTokenCounts;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On real text (several scripts and source code from the shared corpora), the counter's pre-tokens are exactly
 * those of the general pipeline: the byte-level fast path for GPT-2's and Llama 3's pipelines, and the general
 * path for character-level ones, each compared with a plain single-threaded run of the general pipeline
 * ({@link NaiveCount}: NormalizedString, PreTokenizedString, each split's normalized string).
 */
@Tag("slow")
class PreTokenCounterEquivalenceTest {
    private static final List<String> DOCS = CorpusSample.documents(150_000);

    /** The character-level pipelines have no fast path to check, only the counter's plumbing: less text. */
    private static final List<String> CHAR_LEVEL_DOCS = CorpusSample.documents(50_000);

    private static Tokenizer llama3;

    private static synchronized Tokenizer llama3() {
        if (llama3 == null) {
            llama3 = Tokenizers.fromFile(ReleasedTokenizers.path("llama3"));
        }
        return llama3;
    }

    private static PreTokenCounts counted(PreTokenCounter.Builder builder) throws IOException {
        return counted(builder, DOCS);
    }

    private static PreTokenCounts counted(PreTokenCounter.Builder builder, List<String> docs) throws IOException {
        return builder.threads(2).build().count(docs);
    }

    @Test
    void gpt2ByteLevelFastPathEqualsTheGeneralPipeline() throws IOException {
        PreTokenizer gpt2 = new ByteLevel(false, true, true);
        PreTokenCounter fast = PreTokenCounter.builder(null, gpt2).build();
        assertThat(fast.usesFastPath()).isTrue();

        PreTokenCounts expected = NaiveCount.count(null, gpt2, DOCS);
        assertThat(counted(PreTokenCounter.builder(null, gpt2))).isEqualTo(expected);
        assertThat(counted(PreTokenCounter.builder(null, gpt2).generalPathOnly()))
                .isEqualTo(expected);
        assertThat(expected.countOf("Ġthe")).isGreaterThan(1000);
    }

    @Test
    void llama3FastPathEqualsTheGeneralPipeline() throws IOException {
        Tokenizer llama3 = llama3();
        Normalizer normalizer = llama3.normalizer().orElse(null);
        PreTokenizer preTokenizer = llama3.preTokenizer().orElseThrow();
        assertThat(PreTokenCounter.builder(normalizer, preTokenizer).build().usesFastPath())
                .isTrue();

        PreTokenCounts expected = NaiveCount.count(normalizer, preTokenizer, DOCS);
        assertThat(counted(PreTokenCounter.builder(normalizer, preTokenizer))).isEqualTo(expected);
    }

    @Test
    void llama3TokenizerWithItsAddedTokensCountsLikeItsStages() throws IOException {
        // no special token text occurs in the corpora, so cutting added tokens out changes nothing here
        Tokenizer llama3 = llama3();
        assertThat(llama3.addedTokens()).isNotEmpty();
        PreTokenCounts expected =
                counted(PreTokenCounter.builder(null, llama3.preTokenizer().orElseThrow()));

        assertThat(counted(PreTokenCounter.builder(llama3))).isEqualTo(expected);
    }

    @Test
    void charLevelPipelinesCountAsTheGeneralPipeline() throws IOException {
        Normalizer nfkc = new Nfkc();
        for (PreTokenizer p : List.of(new WhitespaceSplit(), new Whitespace(), new Metaspace())) {
            PreTokenCounter counter = PreTokenCounter.builder(nfkc, p).build();
            assertThat(counter.usesFastPath()).isFalse();

            assertThat(counted(PreTokenCounter.builder(nfkc, p), CHAR_LEVEL_DOCS))
                    .as("%s", p)
                    .isEqualTo(NaiveCount.count(nfkc, p, CHAR_LEVEL_DOCS));
        }
    }
}
