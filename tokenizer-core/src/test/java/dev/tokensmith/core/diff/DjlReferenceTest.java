package dev.tokensmith.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.tokensmith.core.testdata.ParityCorpus;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DjlReferenceTest {
    private static DjlReference bert;

    @BeforeAll
    static void load() {
        bert = DjlReference.load("bert", ReleasedTokenizers.path("bert"));
    }

    @AfterAll
    static void close() {
        bert.close();
    }

    @Test
    void encodesWithTheSpecialTokensOfThePostProcessorOnlyWhenAsked() {
        ReferenceTokenizer.Encoded with = bert.encode("Hello, world!", true);
        ReferenceTokenizer.Encoded without = bert.encode("Hello, world!", false);

        assertThat(with.tokens()).containsExactly("[CLS]", "hello", ",", "world", "!", "[SEP]");
        assertThat(with.ids()).containsExactly(101, 7592, 1010, 2088, 999, 102);
        assertThat(without.ids()).containsExactly(7592, 1010, 2088, 999);
    }

    @Test
    void addedSpecialTokensHaveEmptyOffsetsAtZero() {
        assertThat(bert.encode("Hello, world!", true).offsets()).containsExactly(0, 0, 0, 5, 5, 6, 7, 12, 12, 13, 0, 0);
    }

    @Test
    void djlReportsCodePointOffsets() {
        CharSpan[] spans = bert.djl().encode("😀 hello", false, false).getCharTokenSpans();

        assertThat(spans[1].getStart())
                .as("start of hello after a 2-unit emoji and a space")
                .isEqualTo(2);
    }

    @Test
    void offsetsAreConvertedToUtf16Units() {
        ReferenceTokenizer.Encoded e = bert.encode("😀 hello 😀x", false);

        assertThat(e.tokens()).containsExactly("[UNK]", "hello", "[UNK]");
        assertThat(e.offsets()).containsExactly(0, 2, 3, 8, 9, 12);
    }

    @Test
    void decodesIdsBack() {
        int[] ids = bert.encode("Hello, world!", true).ids();

        assertThat(bert.decode(ids, true)).isEqualTo("hello, world!");
        assertThat(bert.decode(ids, false)).isEqualTo("[CLS] hello, world! [SEP]");
    }

    @Test
    void encodesUnpairedSurrogatesAsReplacementCharacters() {
        assertThat(bert.encode("x\uD800y 😀", false).ids())
                .containsExactly(bert.encode("x\uFFFDy 😀", false).ids());
        assertThat(bert.encode("ab\uDC00", false).ids())
                .containsExactly(bert.encode("ab\uFFFD", false).ids());
    }

    @Test
    void passesNulThrough() {
        assertThat(bert.encode("a\u0000b c", false).tokens()).containsExactly("ab", "c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o", "llama2", "bert"})
    void loadsEveryReleasedTokenizerJson(String name) {
        try (DjlReference djl = (DjlReference) ReleasedTokenizers.reference(name)) {
            ReferenceTokenizer.Encoded e = djl.encode("Hello world", false);

            assertThat(e.ids()).isNotEmpty();
            assertThat(djl.decode(e.ids(), true)).isEqualToIgnoringCase("Hello world");
        }
    }

    @Test
    void djlAgreesWithItselfOverOneMegabyteOfCorpus() {
        List<LabeledText> corpus = ParityCorpus.open().documents(1_000_000);
        try (DjlReference other = DjlReference.load("bert-again", ReleasedTokenizers.path("bert"))) {
            DifferentialResult r = DifferentialCheck.withDefaults().run(other, bert, corpus);

            System.out.println(r.report());
            assertThat(r.mismatches()).as(r::report).isZero();
            assertThat(r.notComparable()).isZero();
            assertThat(r.inputs()).isEqualTo(corpus.size()).isGreaterThan(600);
            assertThat(r.tokens()).isGreaterThan(100_000);
        }
    }
}
