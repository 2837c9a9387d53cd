package dev.tokensmith.transplant.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.transplant.io.FloatMatrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** all-MiniLM-L6-v2 through ONNX Runtime: pooling, batching, and running with a replaced embedding table. */
class SentenceEncoderTest {
    private static final List<String> TEXTS = List.of(
            "The cat sat on the mat.",
            "A quick brown fox jumps over the lazy dog near the riverbank at dawn.",
            "Tokenizers split text into pieces.",
            "ok",
            "Embeddings map sentences to vectors; similar sentences land close together.");

    static Tokenizer tokenizer;
    static SentenceEncoder base;
    static FloatMatrix table;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        tokenizer = TestModels.tokenizer(TestModels.MINILM);
        base = SentenceEncoder.builder(TestModels.onnx(TestModels.MINILM))
                .tokenizer(tokenizer)
                .batchSize(8)
                .build();
        try (OnnxModel m = OnnxModel.open(TestModels.onnx(TestModels.MINILM))) {
            table = m.wordEmbeddings().table();
        }
    }

    @AfterAll
    static void close() {
        base.close();
    }

    @Test
    void feedsClsTextSep() {
        int[] ids = base.tokenIds("hello world");
        assertThat(ids).containsExactly(101, 7592, 2088, 102);
    }

    @Test
    void meanPoolsTheLastHiddenStateAndNormalises() {
        int[] ids = base.tokenIds(TEXTS.get(0));
        float[][] hidden = base.lastHiddenState(ids);
        assertThat(hidden).hasNumberOfRows(ids.length);
        double[] mean = new double[384];
        for (float[] token : hidden) {
            for (int k = 0; k < 384; k++) {
                mean[k] += token[k] / (double) hidden.length;
            }
        }
        double norm = 0;
        for (double v : mean) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] e = base.encode(List.of(TEXTS.get(0)))[0];
        for (int k = 0; k < 384; k++) {
            assertThat((double) e[k]).isCloseTo(mean[k] / norm, within(1e-6));
        }
    }

    @Test
    void batchingAndPaddingDoNotChangeTheEmbeddings() {
        float[][] together = base.encode(TEXTS);
        List<float[]> oneByOne = new ArrayList<>();
        for (String t : TEXTS) {
            oneByOne.add(base.encode(List.of(t))[0]);
        }
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(TestModels.cosine(together[i], oneByOne.get(i)))
                    .as(TEXTS.get(i))
                    .isGreaterThan(0.99999);
            assertThat(norm(together[i])).isCloseTo(1.0, within(1e-5));
        }
        assertThat(TestModels.cosine(together[0], together[1])).isLessThan(0.9);
    }

    @Test
    void overridingTheTableWithItsOwnValuesChangesNothingAndAPerturbedTableChangesTheEmbeddings() {
        float[] noisy = table.data().clone();
        Random r = new Random(7);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += (float) (r.nextGaussian() * 0.05);
        }
        String name = "embeddings.word_embeddings.weight";
        float[][] expected = base.encode(TEXTS);
        try (SentenceEncoder same = SentenceEncoder.builder(TestModels.onnx(TestModels.MINILM))
                        .tokenizer(tokenizer)
                        .batchSize(8)
                        .overrideInitializer(name, table)
                        .build();
                SentenceEncoder perturbed = SentenceEncoder.builder(TestModels.onnx(TestModels.MINILM))
                        .tokenizer(tokenizer)
                        .batchSize(8)
                        .overrideInitializer(name, new FloatMatrix(table.rows(), table.cols(), noisy))
                        .build()) {
            float[][] s = same.encode(TEXTS);
            float[][] p = perturbed.encode(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(s[i]).containsExactly(expected[i]);
                assertThat(TestModels.cosine(p[i], expected[i]))
                        .isLessThan(0.995)
                        .isGreaterThan(0.3);
            }
        }
    }

    @Test
    void aRewrittenModelWithMoreRowsKeepsTheOldTokensAndUsesTheNewOnes() throws Exception {
        FloatMatrix bigger = table.withRows(table.rows() + 78, FloatMatrix.Fill.ZEROS);
        int newId = table.rows() + 5;
        System.arraycopy(table.row(1996), 0, bigger.data(), newId * table.cols(), table.cols()); // a copy of "the"
        Path out = tmp.resolve("minilm-bigger.onnx");
        try (OnnxModel m = OnnxModel.open(TestModels.onnx(TestModels.MINILM))) {
            OnnxRewriter.replaceWordEmbeddings(m, bigger, out);
        }
        try (SentenceEncoder rewritten =
                SentenceEncoder.builder(out).batchSize(8).build()) {
            int[] withThe = {101, 1996, 4937, 102};
            int[] withCopy = {101, newId, 4937, 102};
            float[][] a = base.encodeIds(List.of(withThe));
            float[][] b = rewritten.encodeIds(List.of(withThe, withCopy));
            assertThat(b[0]).containsExactly(a[0]);
            assertThat(b[1]).containsExactly(a[0]);
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
