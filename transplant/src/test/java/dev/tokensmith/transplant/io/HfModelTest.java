package dev.tokensmith.transplant.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.Provenance;
import dev.tokensmith.core.format.TokenizerJson;
import dev.tokensmith.core.model.WordLevel;
import dev.tokensmith.core.pretokenizer.WhitespaceSplit;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing tiny synthetic Llama-like (untied, BF16, sharded) and BERT-like (tied, F32) models. */
class HfModelTest {
    private static final int HIDDEN = 4;

    @TempDir
    Path tmp;

    @Test
    void findsTheEmbeddingAndUntiedHeadOfALlamaLikeModel() throws Exception {
        Path dir = llamaLike(tmp.resolve("llama"), 6, false);
        try (HfModel m = HfModel.open(dir)) {
            assertThat(m.architecture()).isEqualTo(Architecture.LLAMA);
            assertThat(m.tiedEmbeddings()).isFalse();
            assertThat(m.vocabSize()).isEqualTo(6);
            assertThat(m.inputEmbeddingName()).isEqualTo("model.embed_tokens.weight");
            assertThat(m.inputEmbeddings().row(2)).containsExactly(2, 2.25f, 2.5f, 2.75f);
            assertThat(m.outputHead()).get().satisfies(h -> assertThat(h.row(1)).containsExactly(-1, -1, -1, -1));
            assertThat(m.checkpoint().sharded()).isTrue();
        }
    }

    @Test
    void bertAndGemmaTieByDefaultLlamaDoesNot() throws Exception {
        try (HfModel m = HfModel.open(bertLike(tmp.resolve("bert"), 5))) {
            assertThat(m.tiedEmbeddings()).isTrue();
            assertThat(m.outputHead()).isEmpty();
            assertThat(m.inputEmbeddingName()).isEqualTo("embeddings.word_embeddings.weight");
            assertThat(m.vocabBiasNames()).containsExactly("cls.predictions.bias");
        }
        assertThat(Architecture.GEMMA.tiedByDefault()).isTrue();
        assertThat(Architecture.GPT2.tiedByDefault()).isTrue();
        assertThat(Architecture.QWEN2.tiedByDefault()).isFalse();
        assertThat(Architecture.byClassName("Qwen3ForCausalLM")).isEqualTo(Architecture.QWEN3);
        assertThat(Architecture.byClassName("Gemma2ForCausalLM")).isEqualTo(Architecture.GEMMA2);
        assertThat(Architecture.byClassName("GPT2LMHeadModel")).isEqualTo(Architecture.GPT2);
    }

    @Test
    void readsTiedFromConfigWhenGiven() throws Exception {
        Path dir = llamaLike(tmp.resolve("llama"), 6, true);
        try (HfModel m = HfModel.open(dir)) {
            assertThat(m.tiedEmbeddings()).isTrue();
            assertThat(m.outputHead()).isEmpty();
        }
    }

    @Test
    void writesANewLlamaLikeModelCopyingOtherTensorsByteForByte() throws Exception {
        Path dir = llamaLike(tmp.resolve("llama"), 6, false);
        Path out = tmp.resolve("out");
        FloatMatrix emb = matrix(3, 10f);
        FloatMatrix head = matrix(3, -10f);
        Tokenizer tok = tokenizer("<unk>", "x", "y");
        try (HfModel base = HfModel.open(dir)) {
            Provenance prov =
                    Provenance.of("test", Map.of("method", "test", "k", 3), Provenance.Input.ofTree("base", dir));
            HfModelWriter.write(
                    base,
                    new HfModelWriter.Replacement(emb, Optional.of(head), Map.of()),
                    tok,
                    out,
                    HfModelWriter.Options.defaults()
                            .padToMultiple(4)
                            .padFill(FloatMatrix.Fill.MEAN)
                            .configOverrides(Map.of("bos_token_id", 1)),
                    prov);
            try (HfModel written = HfModel.open(out)) {
                assertThat(written.vocabSize()).isEqualTo(4);
                FloatMatrix e = written.inputEmbeddings();
                assertThat(e.row(0)).containsExactly(bf16(emb.row(0)));
                assertThat(e.row(3)).containsExactly(bf16(new float[] {11, 11.25f, 11.5f, 11.75f}));
                assertThat(written.outputHead())
                        .get()
                        .satisfies(h -> assertThat(h.rows()).isEqualTo(4));
                assertThat(written.checkpoint()
                                .info("model.embed_tokens.weight")
                                .dtype())
                        .isEqualTo(DType.BF16);
                for (String name : List.of("model.norm.weight", "model.layers.0.mlp.up_proj.weight")) {
                    assertThat(written.checkpoint().bytes(name).toArray(ValueLayout.JAVA_BYTE))
                            .isEqualTo(base.checkpoint().bytes(name).toArray(ValueLayout.JAVA_BYTE));
                }
                JsonNode cfg = written.config();
                assertThat(cfg.get("vocab_size").asInt()).isEqualTo(4);
                assertThat(cfg.get("bos_token_id").asInt()).isEqualTo(1);
                assertThat(cfg.get("rope_theta").asDouble()).isEqualTo(500000.0);
            }
        }
        assertThat(TokenizerJson.read(out.resolve("tokenizer.json")).vocabSize(true))
                .isEqualTo(3);
        Provenance prov = Provenance.fromJson(
                Json.MAPPER.readTree(out.resolve(Provenance.IN_FOLDER).toFile()));
        assertThat(prov.configuration()).containsEntry("k", 3);
        assertThat(prov.inputs())
                .filteredOn(i -> i.role().equals("base/config.json"))
                .containsExactly(Provenance.Input.of("base/config.json", dir.resolve("config.json")));
        assertThat(prov.java()).startsWith(System.getProperty("java.version"));
        assertThat(prov.tokensmithVersion()).isNotBlank();
        try (var listing = Files.list(tmp)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("llama", "out");
        }
    }

    @Test
    void writesATiedBertLikeModelWithItsVocabBiasAndCopiedTokenizerBytes() throws Exception {
        Path dir = bertLike(tmp.resolve("bert"), 5);
        Path tokFile = tmp.resolve("new-tokenizer.json");
        TokenizerJson.write(tokenizer("[UNK]", "a", "b", "c", "d", "e", "f"), tokFile);
        Path out = tmp.resolve("out");
        try (HfModel base = HfModel.open(dir)) {
            HfModelWriter.write(
                    base,
                    new HfModelWriter.Replacement(
                            matrix(7, 0f), Optional.empty(), Map.of("cls.predictions.bias", new float[7])),
                    tokFile,
                    out,
                    HfModelWriter.Options.defaults().padToMultiple(8),
                    Provenance.of("test", Map.of(), List.of()));
        }
        assertThat(Files.readAllBytes(out.resolve("tokenizer.json"))).isEqualTo(Files.readAllBytes(tokFile));
        try (HfModel written = HfModel.open(out)) {
            assertThat(written.vocabSize()).isEqualTo(8);
            assertThat(written.checkpoint().readFloats("cls.predictions.bias")).hasSize(8);
            assertThat(written.inputEmbeddings().row(7)).containsExactly(0, 0, 0, 0);
            assertThat(written.config().get("model_type").asText()).isEqualTo("bert");
        }
    }

    @Test
    void writesNothingWhenTheNewTablesHaveTheWrongShape() throws Exception {
        Path dir = llamaLike(tmp.resolve("llama"), 6, false);
        Path out = tmp.resolve("out");
        try (HfModel base = HfModel.open(dir)) {
            assertThatThrownBy(() -> HfModelWriter.write(
                            base,
                            new HfModelWriter.Replacement(
                                    matrix(3, 0f), Optional.of(FloatMatrix.zeros(3, 5)), Map.of()),
                            tokenizer("<unk>"),
                            out,
                            HfModelWriter.Options.defaults(),
                            Provenance.of("test", Map.of(), List.of())))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessage(out + ": new output head are [3, 5], expected [3, 4] (hidden_size of the base)");
            assertThatThrownBy(() -> HfModelWriter.write(
                            base,
                            new HfModelWriter.Replacement(matrix(3, 0f), Optional.empty(), Map.of()),
                            tokenizer("<unk>"),
                            out,
                            HfModelWriter.Options.defaults(),
                            Provenance.of("test", Map.of(), List.of())))
                    .hasMessage(out + ": the base has an untied output head; a new one is needed");
        }
        try (var listing = Files.list(tmp)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("llama");
        }
    }

    @Test
    void refusesAnUnknownArchitectureNamingWhatIsSupported() throws Exception {
        Path dir = llamaLike(tmp.resolve("m"), 6, false);
        Files.writeString(dir.resolve("config.json"), "{\"model_type\":\"mamba\",\"vocab_size\":6,\"hidden_size\":4}");
        assertThatThrownBy(() -> HfModel.open(dir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(dir.resolve("config.json") + ": unsupported model_type 'mamba' (supported: llama, mistral,"
                        + " qwen2, qwen3, gemma, gemma2, gemma3_text, gpt2, bert)");
    }

    @Test
    void namesAMissingHeadWhenConfigSaysUntied() throws Exception {
        Path dir = bertLike(tmp.resolve("bert"), 5);
        Files.writeString(
                dir.resolve("config.json"),
                "{\"model_type\":\"bert\",\"vocab_size\":5,\"hidden_size\":4,\"tie_word_embeddings\":false}");
        assertThatThrownBy(() -> HfModel.open(dir))
                .hasMessage(dir.resolve("model.safetensors") + ": missing tensor cls.predictions.decoder.weight"
                        + " (config.json says tie_word_embeddings is false)");
    }

    @Test
    void namesAVocabSizeThatDisagreesWithTheEmbedding() throws Exception {
        Path dir = bertLike(tmp.resolve("bert"), 5);
        Files.writeString(dir.resolve("config.json"), "{\"model_type\":\"bert\",\"vocab_size\":9,\"hidden_size\":4}");
        assertThatThrownBy(() -> HfModel.open(dir))
                .hasMessage(dir.resolve("model.safetensors") + ": tensor 'embeddings.word_embeddings.weight' has shape"
                        + " [5, 4] but config.json says [9, 4] (vocab_size, hidden_size)");
    }

    // ---- fixtures

    /** Row r of the embedding is r + [0, .25, .5, .75]; of the head, -r. BF16, sharded in three files. */
    private static Path llamaLike(Path dir, int vocab, boolean tied) throws Exception {
        List<TensorData> ts = new ArrayList<>();
        ts.add(TensorData.of("model.embed_tokens.weight", DType.BF16, rowsFrom(vocab, 0f)));
        ts.add(TensorData.of("model.norm.weight", DType.BF16, new long[] {HIDDEN}, new float[] {1, 1, 1, 1}));
        float[] up = new float[HIDDEN * 8];
        for (int i = 0; i < up.length; i++) {
            up[i] = (float) Math.sin(i);
        }
        ts.add(TensorData.of("model.layers.0.mlp.up_proj.weight", DType.BF16, new long[] {8, HIDDEN}, up));
        if (!tied) {
            float[] head = new float[vocab * HIDDEN];
            for (int i = 0; i < head.length; i++) {
                head[i] = -(i / HIDDEN);
            }
            ts.add(TensorData.of("lm_head.weight", DType.BF16, new long[] {vocab, HIDDEN}, head));
        }
        SafetensorsCheckpoint.write(dir, ts, Map.of("format", "pt"), 60);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("architectures", List.of("LlamaForCausalLM"));
        cfg.put("model_type", "llama");
        cfg.put("vocab_size", vocab);
        cfg.put("hidden_size", HIDDEN);
        cfg.put("rope_theta", 500000.0);
        cfg.put("tie_word_embeddings", tied);
        Files.writeString(dir.resolve("config.json"), Json.MAPPER.writeValueAsString(cfg));
        return dir;
    }

    /** sentence-transformers-style BERT: no prefix, tied (by default), plus an MLM output bias. F32. */
    private static Path bertLike(Path dir, int vocab) throws Exception {
        List<TensorData> ts = List.of(
                TensorData.of("embeddings.word_embeddings.weight", DType.F32, rowsFrom(vocab, 0f)),
                TensorData.of("embeddings.LayerNorm.weight", DType.F32, new long[] {HIDDEN}, new float[] {1, 2, 3, 4}),
                TensorData.of("cls.predictions.bias", DType.F32, new long[] {vocab}, new float[vocab]));
        SafetensorsCheckpoint.write(dir, ts, Map.of("format", "pt"), 1 << 20);
        Files.writeString(
                dir.resolve("config.json"),
                "{\"architectures\":[\"BertModel\"],\"model_type\":\"bert\",\"vocab_size\":" + vocab
                        + ",\"hidden_size\":4}");
        return dir;
    }

    private static FloatMatrix rowsFrom(int rows, float base) {
        FloatMatrix m = FloatMatrix.zeros(rows, HIDDEN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < HIDDEN; c++) {
                m.data()[r * HIDDEN + c] = base + r + c * 0.25f;
            }
        }
        return m;
    }

    private static FloatMatrix matrix(int rows, float base) {
        return rowsFrom(rows, base);
    }

    private static float[] bf16(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = HalfFloats.fromBf16(HalfFloats.toBf16(v[i]));
        }
        return out;
    }

    private static Tokenizer tokenizer(String... tokens) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (String t : tokens) {
            vocab.put(t, vocab.size());
        }
        return Tokenizer.builder(new WordLevel(vocab, tokens[0]))
                .preTokenizer(new WhitespaceSplit())
                .build();
    }
}
