package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.transplant.io.DType;
import dev.tokensmith.transplant.io.HfModel;
import dev.tokensmith.transplant.io.SafetensorsCheckpoint;
import dev.tokensmith.transplant.io.TensorData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code transplant} on a tiny untied Llama-style model: what it writes, and that bad input writes nothing. */
class TransplantCommandTest {
    static final int HIDDEN = 4;

    @TempDir
    Path dir;

    /** The CLI's tiny BPE with "lo", "low" and "p" in place of "\r", "wo", "wor", "ld" and "world". */
    static final String NEW_TOKENIZER = """
            {"version": "1.0", "truncation": null, "padding": null,
             "added_tokens": [
              {"id": 1, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
              {"id": 2, "content": "</s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
             "normalizer": null, "pre_tokenizer": null, "post_processor": null, "decoder": null,
             "model": {"type": "BPE", "dropout": null, "unk_token": "[UNK]", "continuing_subword_prefix": null,
              "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false, "ignore_merges": false,
              "vocab": {"[UNK]": 0, "<s>": 1, "</s>": 2, "h": 3, "e": 4, "l": 5, "o": 6, " ": 7, "w": 8, "r": 9,
               "d": 10, "he": 11, "ll": 12, "hell": 13, "hello": 14, "lo": 15, "low": 16, "p": 17},
              "merges": ["h e", "l l", "he ll", "hell o", "l o", "lo w"]}}
            """;

    /** A Llama-style folder over the CLI's tiny BPE (20 tokens), untied, with one more tensor. */
    Path baseModel(boolean withHead) throws IOException {
        Path base = Files.createDirectories(dir.resolve("base"));
        int vocab = 20;
        Files.writeString(
                base.resolve(HfModel.CONFIG_FILE),
                "{\"model_type\": \"llama\", \"vocab_size\": " + vocab + ", \"hidden_size\": " + HIDDEN
                        + ", \"tie_word_embeddings\": false}");
        List<TensorData> tensors = new ArrayList<>();
        tensors.add(TensorData.of("model.embed_tokens.weight", DType.F32, new long[] {vocab, HIDDEN}, table(vocab, 1)));
        if (withHead) {
            tensors.add(TensorData.of("lm_head.weight", DType.F32, new long[] {vocab, HIDDEN}, table(vocab, 2)));
        }
        tensors.add(TensorData.of("model.norm.weight", DType.F32, new long[] {HIDDEN}, new float[] {1, 1, 1, 1}));
        SafetensorsCheckpoint.write(base, tensors, Map.of(), Long.MAX_VALUE);
        Files.copy(Fixtures.tinyBpe(), base.resolve("tokenizer.json"));
        return base;
    }

    static float[] table(int rows, int salt) {
        float[] v = new float[rows * HIDDEN];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.7 + salt);
        }
        return v;
    }

    /** Runs {@code transplant --base BASE --new-tokenizer TOKENIZER [OPTIONS] --out OUT}. */
    CliRun.Result transplant(Path base, Path tokenizer, Path out, String... options) {
        List<String> args = new ArrayList<>(
                List.of("transplant", "--base", base.toString(), "--new-tokenizer", tokenizer.toString()));
        args.addAll(List.of(options));
        args.add("--out");
        args.add(out.toString());
        return cli().run(args.toArray(String[]::new));
    }

    Path newTokenizer() throws IOException {
        return Files.writeString(dir.resolve("new-tokenizer.json"), NEW_TOKENIZER);
    }

    @Test
    void writesTheModelTokenizerProvenanceAndReport() throws IOException {
        Path out = dir.resolve("out");
        CliRun.Result r = transplant(baseModel(true), newTokenizer(), out, "--method", "fvt", "--backend", "cpu");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("method fvt");
        assertThat(out.resolve("tokenizer.json")).hasContent(NEW_TOKENIZER);
        assertThat(out.resolve("tokensmith-provenance.json")).exists();
        assertThat(out.resolve("transplant-report.txt")).exists();
        try (HfModel m = HfModel.open(out)) {
            assertThat(m.vocabSize()).isEqualTo(18);
            assertThat(m.inputEmbeddings().rows()).isEqualTo(18);
            assertThat(m.outputHead()).isPresent();
            // "hello" (id 15 before, 14 now) is shared: its row is copied.
            float[] before = table(20, 1);
            assertThat(m.inputEmbeddings().row(14))
                    .containsExactly(java.util.Arrays.copyOfRange(before, 15 * HIDDEN, 16 * HIDDEN));
        }
        JsonNode report =
                Json.MAPPER.readTree(out.resolve("transplant-report.json").toFile());
        assertThat(report.get("method").asText()).isEqualTo("fvt");
        assertThat(report.get("tokens")).extracting(t -> t.get("text").asText()).containsExactly("lo", "low", "p");
    }

    /** The new tokenizer without {@code </s>}: the base's (id 2) is appended at 18 with both of its rows. */
    static final String WITHOUT_EOS = NEW_TOKENIZER
            .replace(
                    ",\n  {\"id\": 2, \"content\": \"</s>\", \"single_word\": false, \"lstrip\": false, \"rstrip\": false, \"normalized\": false, \"special\": true}",
                    "")
            .replace("\"</s>\": 2", "\"q\": 2");

    @Test
    void theBasesMissingSpecialTokensAreAppendedUnlessTurnedOffAndNoBarReachesAPipe() throws IOException {
        assertThat(WITHOUT_EOS).doesNotContain("</s>");
        Path base = baseModel(true);
        Path tok = Files.writeString(dir.resolve("without-eos.json"), WITHOUT_EOS);
        Path kept = dir.resolve("kept");
        CliRun.Result r = transplant(base, tok, kept, "--backend", "cpu");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("appended 1 special token").contains("</s> → 18");
        assertThat(r.out() + r.err()).doesNotContain("%").doesNotContain("\r");
        try (HfModel m = HfModel.open(kept)) {
            assertThat(m.vocabSize()).isEqualTo(19);
            float[] in = table(20, 1);
            float[] head = table(20, 2);
            assertThat(m.inputEmbeddings().row(18))
                    .containsExactly(java.util.Arrays.copyOfRange(in, 2 * HIDDEN, 3 * HIDDEN));
            assertThat(m.outputHead().orElseThrow().row(18))
                    .containsExactly(java.util.Arrays.copyOfRange(head, 2 * HIDDEN, 3 * HIDDEN));
        }
        assertThat(Tokenizers.fromFile(kept.resolve("tokenizer.json")).encodeIds("he</s>", false))
                .containsExactly(11, 18);

        Path dropped = dir.resolve("dropped");
        CliRun.Result off = transplant(base, tok, dropped, "--backend", "cpu", "--no-keep-specials");
        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(off.out()).contains("appended no special tokens");
        assertThat(dropped.resolve("tokenizer.json")).hasContent(WITHOUT_EOS);
        try (HfModel m = HfModel.open(dropped)) {
            assertThat(m.vocabSize()).isEqualTo(18);
        }
    }

    @Test
    void ompWithoutADonorIsBadInputAndWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        CliRun.Result r = transplant(baseModel(true), newTokenizer(), out, "--method", "omp");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: --method omp needs --donor");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingTensorIsBadInput() throws IOException {
        Path out = dir.resolve("out");
        CliRun.Result r = transplant(baseModel(false), newTokenizer(), out);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).contains("missing tensor lm_head.weight");
        assertThat(out).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp-*");
    }

    @Test
    void aDonorWithoutTheNewVocabularyIsBadInput() throws IOException {
        Path base = baseModel(true);
        Path out = dir.resolve("out");
        Path small = Files.createDirectories(dir.resolve("donor"));
        Files.writeString(
                small.resolve(HfModel.CONFIG_FILE),
                "{\"model_type\": \"llama\", \"vocab_size\": 5, \"hidden_size\": 3, \"tie_word_embeddings\": true}");
        SafetensorsCheckpoint.write(
                small,
                List.of(TensorData.of("model.embed_tokens.weight", DType.F32, new long[] {5, 3}, new float[15])),
                Map.of(),
                Long.MAX_VALUE);
        CliRun.Result r = transplant(base, newTokenizer(), out, "--donor", small.toString(), "--method", "omp");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("the donor has 5 embedding rows but the new tokenizer 18 tokens");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownArchitectureIsBadInput() throws IOException {
        Path base = baseModel(true);
        Files.writeString(
                base.resolve(HfModel.CONFIG_FILE),
                "{\"model_type\": \"mamba\", \"vocab_size\": 20, \"hidden_size\": 4}");
        Path out = dir.resolve("out");
        CliRun.Result r = transplant(base, newTokenizer(), out);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("mamba");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownMethodsAndMissingOptionsAreUsageErrors() throws IOException {
        assertThat(cli().run("transplant").exitCode()).isEqualTo(2);
        CliRun.Result r = transplant(baseModel(true), newTokenizer(), dir.resolve("out"), "--method", "magic");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown method 'magic'");
    }

    @Test
    void evalChecksItsOptionsBeforeLoadingModels() {
        CliRun.Result r = cli().run("transplant", "eval", "--held-out", "1.5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--held-out");
        assertThat(cli().run("transplant", "eval", "--methods", "magic").exitCode())
                .isEqualTo(2);
    }
}
