package dev.tokensmith.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.diff.LabeledText;
import dev.tokensmith.core.testdata.ParityCorpus;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batch encoding gives, in input order, what encoding each text alone gives. */
class EncodeBatchTest {
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (LabeledText t : ParityCorpus.open().documents(400_000)) {
            texts.add(t.text());
        }
        texts.add("");
        texts.add("<|endoftext|> special");
        return texts;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void equalsEncodingEachTextAlone(int parallelism) {
        Tokenizer tok = ReleasedTokenizers.tokensmith("cl100k_base");
        List<String> texts = texts();
        List<Encoding> batch = tok.encodeBatch(texts, true, parallelism);
        int[][] ids = tok.encodeIdsBatch(texts, false, parallelism);
        assertThat(batch).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch.get(i)).isEqualTo(tok.encode(texts.get(i), true));
            assertThat(ids[i]).isEqualTo(tok.encodeIds(texts.get(i), false));
        }
    }

    @Test
    void aBatchMayBeStartedFromInsideAnotherOnTheSamePool() {
        Tokenizer tok = ReleasedTokenizers.tokensmith("cl100k_base");
        List<String> outer = List.copyOf(texts().subList(0, 40));
        List<Encoding> nested = Batches.map(
                outer, 2, t -> tok.encodeBatch(List.of(t, t), false, 2).get(1));
        for (int i = 0; i < outer.size(); i++) {
            assertThat(nested.get(i)).isEqualTo(tok.encode(outer.get(i), false));
        }
    }

    @Test
    void rejectsParallelismBelowOne() {
        Tokenizer tok = ReleasedTokenizers.tokensmith("cl100k_base");
        assertThatThrownBy(() -> tok.encodeBatch(List.of("a"), false, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism");
    }

    @Test
    void aFailingTextFailsTheBatchWithItsOwnException() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add("x" + i);
        }
        assertThatThrownBy(() -> Batches.map(items, 4, s -> {
                    if (s.equals("x77")) {
                        throw new IllegalStateException("bad text " + s);
                    }
                    return s;
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bad text x77");
    }
}
