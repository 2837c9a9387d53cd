package dev.tokensmith.transplant;

import static dev.tokensmith.transplant.ModelTransplant.REPORT_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.math.MathBackends;
import dev.tokensmith.transplant.eval.EvalModels;
import dev.tokensmith.transplant.io.FloatMatrix;
import dev.tokensmith.transplant.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transplant service on the real MiniLM ONNX model with a seven-token WordPiece tokenizer. */
class ModelTransplantTest {
    static final EvalModels MODELS = EvalModels.defaults(Path.of("target", "test-models"));

    static final String TINY = """
            {"version": "1.0", "truncation": null, "padding": null,
             "added_tokens": [
              {"id": 0, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
              {"id": 1, "content": "[CLS]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
              {"id": 2, "content": "[SEP]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
             "normalizer": null, "pre_tokenizer": {"type": "BertPreTokenizer"}, "post_processor": null, "decoder": null,
             "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
              "max_input_chars_per_word": 100,
              "vocab": {"[UNK]": 0, "[CLS]": 1, "[SEP]": 2, "hello": 3, "world": 4, "##s": 5, "tokensmith": 6}}}
            """;

    @TempDir
    Path dir;

    /** Without keeping special tokens (opt-out), the new tokenizer's 7 rows are all there is. */
    @Test
    void anOnnxBaseGetsANewTableAndAReport() throws IOException {
        Path newTok = Files.writeString(dir.resolve("tiny.json"), TINY);
        Path out = dir.resolve("out");
        List<String> notes = new ArrayList<>();
        ModelTransplant.Request req = new ModelTransplant.Request(
                MODELS.baseOnnx(),
                Optional.of(MODELS.baseTokenizer()),
                newTok,
                Optional.empty(),
                "fvt",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                out);
        ModelTransplant.Outcome o = ModelTransplant.run(req, MathBackends.select("cpu"), 1, notes::add);
        assertThat(o.newTokens()).isEqualTo(1);
        assertThat(o.sharedTokens()).isEqualTo(6);
        assertThat(o.appended().tokens()).isEmpty();
        assertThat(out.resolve("tokenizer.json")).hasContent(TINY);
        assertThat(out.resolve("tokensmith-provenance.json"))
                .content()
                .contains("\"method\"")
                .contains("fvt");
        assertThat(out.resolve(ModelTransplant.REPORT_TEXT)).content().contains("\" tokensmith\"");

        Tokenizer bert = MODELS.tokenizer().withoutTruncationOrPadding();
        FloatMatrix base;
        try (OnnxModel m = OnnxModel.open(MODELS.baseOnnx())) {
            base = m.wordEmbeddings().table();
        }
        try (OnnxModel m = OnnxModel.open(out.resolve("model.onnx"))) {
            FloatMatrix t = m.wordEmbeddings().table();
            assertThat(t.rows()).isEqualTo(7);
            assertThat(t.row(3)).containsExactly(base.row(bert.tokenToId("hello")));
            assertThat(t.row(1)).containsExactly(base.row(bert.tokenToId("[CLS]")));
            assertThat(t.row(5)).containsExactly(base.row(bert.tokenToId("##s")));
            int[] pieces = bert.encodeIds("tokensmith", false);
            for (int c = 0; c < t.cols(); c++) {
                double mean = 0;
                for (int p : pieces) {
                    mean += base.get(p, c) / pieces.length;
                }
                assertThat((double) t.get(6, c)).isCloseTo(mean, within(1e-5));
            }
        }
    }

    /** MiniLM's [PAD] and [MASK] have no counterpart in the tiny tokenizer ([UNK], [CLS], [SEP] match by role). */
    @Test
    void theBasesSpecialTokensTheNewTokenizerLacksAreAppendedWithTheirRows() throws IOException {
        Path newTok = Files.writeString(dir.resolve("tiny.json"), TINY);
        Path out = dir.resolve("out");
        List<String> notes = new ArrayList<>();
        ModelTransplant.Outcome o = ModelTransplant.run(
                ModelTransplant.Request.of(MODELS.baseOnnx(), newTok, "fvt", out),
                MathBackends.select("cpu"),
                1,
                notes::add);

        Tokenizer bert = MODELS.tokenizer();
        assertThat(o.appended().tokens())
                .extracting(
                        AppendedSpecials.Token::content, AppendedSpecials.Token::baseId, AppendedSpecials.Token::newId)
                .containsExactly(
                        tuple("[PAD]", bert.tokenToId("[PAD]"), 7), tuple("[MASK]", bert.tokenToId("[MASK]"), 8));
        assertThat(notes).anyMatch(n -> n.contains("appended 2 special tokens") && n.contains("[MASK] → 8"));
        FloatMatrix base;
        try (OnnxModel m = OnnxModel.open(MODELS.baseOnnx())) {
            base = m.wordEmbeddings().table();
        }
        try (OnnxModel m = OnnxModel.open(out.resolve("model.onnx"))) {
            FloatMatrix t = m.wordEmbeddings().table();
            assertThat(t.rows()).isEqualTo(9);
            assertThat(t.row(7)).containsExactly(base.row(bert.tokenToId("[PAD]")));
            assertThat(t.row(8)).containsExactly(base.row(bert.tokenToId("[MASK]")));
        }
        Tokenizer written = Tokenizers.fromFile(out.resolve("tokenizer.json"));
        assertThat(written.encodeIds("hello [MASK] world[PAD]", false)).containsExactly(3, 8, 4, 7);
        assertThat(written.isSpecialToken("[MASK]")).isTrue();
        JsonNode report = Json.MAPPER.readTree(out.resolve(REPORT_JSON).toFile());
        assertThat(report.get("appendedSpecialTokens"))
                .extracting(
                        n -> n.get("content").asText() + "@" + n.get("newId").asInt())
                .containsExactly("[PAD]@7", "[MASK]@8");
        assertThat(out.resolve(ModelTransplant.REPORT_TEXT)).content().contains("[PAD] → 7, [MASK] → 8");
    }

    @Test
    void progressCoversAlignmentRowsAndWritingAndEachStageReachesItsTotal() throws IOException {
        Path newTok = Files.writeString(dir.resolve("tiny.json"), TINY);
        RecordingProgress progress = new RecordingProgress();
        ModelTransplant.run(
                ModelTransplant.Request.of(MODELS.baseOnnx(), newTok, "fvt", dir.resolve("out")),
                MathBackends.select("cpu"),
                1,
                n -> {},
                progress);
        assertThat(progress.names())
                .containsExactly("aligning vocabularies", "fvt: input embeddings", "writing model.onnx");
        progress.assertEveryStageReachedItsTotal();
    }

    @Test
    void aMissingBaseWritesNothing() throws IOException {
        Path newTok = Files.writeString(dir.resolve("tiny.json"), TINY);
        Path out = dir.resolve("out");
        ModelTransplant.Request req = ModelTransplant.Request.of(dir.resolve("nope.onnx"), newTok, "mean", out);
        assertThatThrownBy(() -> ModelTransplant.run(req, MathBackends.select("cpu"), 1, n -> {}))
                .isInstanceOf(TransplantInputException.class)
                .hasMessageContaining("nope.onnx: no such model");
        assertThat(out).doesNotExist();
    }
}
