package dev.tokensmith.core.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.diff.LabeledText;
import dev.tokensmith.core.testdata.ParityCorpus;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code countTokens} on the byte-level BPE fast path allocates nothing once its thread's buffers have grown:
 * measured with the JVM's count of bytes this thread allocated, over real multilingual text, a 100,000-byte
 * piece and added tokens. (BERT's fast path hands characters its table does not cover to the general pipeline,
 * which allocates, and drops buffers that a huge word grew.)
 */
class CountTokensAllocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"r50k_base", "cl100k_base", "o200k_base", "llama3", "gpt4o"})
    void countingAllocatesNothingOnceWarm(String name) {
        Tokenizer tokenizer = ReleasedTokenizers.tokensmith(name);
        assertThat(tokenizer.hasFastPath()).isTrue();
        List<String> texts = new ArrayList<>();
        for (LabeledText t : ParityCorpus.open().documents(200_000)) {
            texts.add(t.text());
        }
        texts.add("a".repeat(100_000) + " <|endoftext|> [CLS] " + "\u4e2d".repeat(5_000));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long warm = 0;
        // Warm: buffers grown, and the piece cache grown to the size this text asks for (it doubles at most three
        // times, each after 65,536 lookups that miss too often).
        int rounds = 8;
        for (int round = 0; round < rounds; round++) {
            for (String text : texts) {
                warm += tokenizer.countTokens(text);
            }
        }
        String[] all = texts.toArray(String[]::new); // no iterator in the measured loop
        long before = threads.getCurrentThreadAllocatedBytes();
        long counted = 0;
        for (int i = 0; i < all.length; i++) {
            counted += tokenizer.countTokens(all[i]);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(counted * rounds).isEqualTo(warm);
        assertThat(allocated)
                .as("bytes allocated counting %d texts", texts.size())
                .isZero();
    }
}
