package dev.tokensmith.transplant.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.transplant.io.FloatMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {
    static OnnxModel minilm;
    static OnnxModel e5;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        minilm = OnnxModel.open(TestModels.onnx(TestModels.MINILM));
        e5 = OnnxModel.open(TestModels.onnx(TestModels.E5));
    }

    @AfterAll
    static void close() {
        minilm.close();
        e5.close();
    }

    @Test
    void readsMiniLmsFloatWordEmbeddingTable() {
        {
            OnnxModel m = minilm;
            OnnxModel.WordEmbeddings e = m.wordEmbeddings();
            assertThat(e.initializer()).isEqualTo("embeddings.word_embeddings.weight");
            assertThat(e.quantized()).isFalse();
            assertThat(e.table().rows()).isEqualTo(30522);
            assertThat(e.table().cols()).isEqualTo(384);
            assertThat(m.inputs()).contains("input_ids", "attention_mask", "token_type_ids");
            assertThat(boxed(e.table().data())).allMatch(Float::isFinite);
            assertThat(rowNorm(e.table(), 1996)).isBetween(0.5, 5.0); // "the"
        }
    }

    @Test
    void dequantizesE5sUint8TableAsDequantizeLinearDoes() {
        {
            OnnxModel m = e5;
            OnnxModel.WordEmbeddings e = m.wordEmbeddings();
            assertThat(e.initializer()).isEqualTo("embeddings.word_embeddings.weight_quantized");
            assertThat(m.initializer(e.initializer()).orElseThrow().dataType()).isEqualTo(OnnxTensor.UINT8);
            assertThat(e.dequantize()).get().satisfies(dq -> {
                assertThat(dq.opType()).isEqualTo("DequantizeLinear");
                assertThat(dq.input(0)).isEqualTo(e.gather().outputs().getFirst()); // after the Gather
            });
            assertThat(e.table().rows()).isEqualTo(30522);
            assertThat(e.table().cols()).isEqualTo(384);
            float[] q = m.readFloats(e.initializer());
            float scale = m.readFloats("embeddings.word_embeddings.weight_scale")[0];
            float zero = m.readFloats("embeddings.word_embeddings.weight_zero_point")[0];
            assertThat(scale).isPositive();
            assertThat(zero).isBetween(0f, 255f);
            for (int i : new int[] {0, 1, 384 * 1996 + 7, q.length - 1}) {
                assertThat(e.table().data()[i]).isEqualTo((q[i] - zero) * scale);
            }
            long distinct = Arrays.stream(boxed(q)).distinct().count();
            assertThat(distinct).isGreaterThan(100);
        }
    }

    @Test
    void rejectsATruncatedModelNamingTheFile() throws Exception {
        byte[] head;
        try (var in = Files.newInputStream(TestModels.onnx(TestModels.MINILM))) {
            head = in.readNBytes(5000);
        }
        Path bad = Files.write(tmp.resolve("cut.onnx"), head);
        assertThatThrownBy(() -> OnnxModel.open(bad))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessageStartingWith(bad + ": malformed protobuf at byte ");
    }

    @Test
    void namesAModelWithoutTheIdsInput() {
        {
            OnnxModel m = minilm;
            assertThatThrownBy(() -> m.wordEmbeddings("tokens"))
                    .hasMessageEndingWith(
                            "the graph has no input 'tokens' (inputs: [input_ids, attention_mask, token_type_ids])");
        }
    }

    @Test
    void rewritingE5WithItsDequantizedTableKeepsItsEmbeddings() throws Exception {
        Path out = tmp.resolve("e5-float.onnx");
        List<String> texts = List.of("query: how do magnets work", "passage: a magnet attracts iron");
        OnnxRewriter.replaceWordEmbeddings(e5, e5.wordEmbeddings().table(), out);
        try (OnnxModel rewritten = OnnxModel.open(out)) {
            assertThat(rewritten.wordEmbeddings().quantized()).isFalse();
            assertThat(rewritten.nodes())
                    .noneMatch(n ->
                            n.name().contains("word_embeddings") && n.opType().equals("DequantizeLinear"));
        }
        try (SentenceEncoder original = SentenceEncoder.builder(TestModels.onnx(TestModels.E5))
                        .tokenizer(TestModels.tokenizer(TestModels.E5))
                        .build();
                SentenceEncoder floatTable = SentenceEncoder.builder(out)
                        .tokenizer(TestModels.tokenizer(TestModels.E5))
                        .build()) {
            float[][] a = original.encode(texts);
            float[][] b = floatTable.encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(TestModels.cosine(a[i], b[i])).isGreaterThan(0.999999);
            }
        }
    }

    private static double rowNorm(FloatMatrix m, int r) {
        double s = 0;
        for (float v : m.row(r)) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static Float[] boxed(float[] v) {
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
