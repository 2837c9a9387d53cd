package dev.tokensmith.transplant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tokensmith.core.Tokenizer;
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
                out);
        ModelTransplant.Outcome o = ModelTransplant.run(req, MathBackends.select("cpu"), 1, notes::add);
        assertThat(o.newTokens()).isEqualTo(1);
        assertThat(o.sharedTokens()).isEqualTo(6);
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
