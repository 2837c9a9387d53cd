package dev.tokensmith.transplant.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.format.AtomicFiles;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.Provenance;
import dev.tokensmith.core.format.TokenizerJson;
import dev.tokensmith.core.train.TrainingProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a base model with new embedding tables as a new Hugging Face model directory: the replaced
 * embedding / output-head / vocabulary-bias tensors (in the dtype the base stored them in), every other tensor
 * copied byte for byte, config.json with the new {@code vocab_size} (all else kept), the new tokenizer.json,
 * and {@value Provenance#IN_FOLDER}. The directory is built beside the target and moved into place at the end, so
 * a failure leaves nothing behind. Other files of the base (old tokenizer files, generation config) are not
 * copied: they describe the old vocabulary.
 *
 * <pre>{@code
 * try (HfModel base = HfModel.open(baseDir)) {
 *     HfModelWriter.write(base, new HfModelWriter.Replacement(newEmb, Optional.empty(), Map.of()),
 *             newTokenizer, outDir, HfModelWriter.Options.defaults().padToMultiple(64), provenance);
 * }
 * }</pre>
 */
public final class HfModelWriter {
    private HfModelWriter() {}

    /**
     * The new tables, one row per new token id.
     *
     * @param inputEmbeddings [new vocab, hidden]
     * @param outputHead [new vocab, hidden] for an untied model; empty for a tied one
     * @param vocabBiases new values for each of the base's vocabulary-sized biases (by tensor name)
     */
    public record Replacement(
            FloatMatrix inputEmbeddings, Optional<FloatMatrix> outputHead, Map<String, float[]> vocabBiases) {
        public Replacement {
            vocabBiases = Map.copyOf(vocabBiases);
        }
    }

    /**
     * @param padToMultiple vocabulary rows are rounded up to a multiple of this (1: no padding)
     * @param padFill how padding rows are filled (biases get zeros or their mean likewise)
     * @param maxShardBytes weights are split into shards above this size
     * @param configOverrides further config.json entries to set (e.g. new special token ids)
     */
    public record Options(
            int padToMultiple, FloatMatrix.Fill padFill, long maxShardBytes, Map<String, Object> configOverrides) {
        /** No padding, shards of 5 GB as transformers writes them, no extra config changes. */
        public static Options defaults() {
            return new Options(1, FloatMatrix.Fill.ZEROS, 5_000_000_000L, Map.of());
        }

        public Options padToMultiple(int multiple) {
            return new Options(multiple, padFill, maxShardBytes, configOverrides);
        }

        public Options padFill(FloatMatrix.Fill fill) {
            return new Options(padToMultiple, fill, maxShardBytes, configOverrides);
        }

        public Options maxShardBytes(long bytes) {
            return new Options(padToMultiple, padFill, bytes, configOverrides);
        }

        public Options configOverrides(Map<String, Object> overrides) {
            return new Options(padToMultiple, padFill, maxShardBytes, overrides);
        }
    }

    /** Writes the model with {@code tokenizer} serialised as its tokenizer.json. */
    public static Path write(
            HfModel base, Replacement replacement, Tokenizer tokenizer, Path outDir, Options options, Provenance prov)
            throws IOException {
        byte[] json = Json.MAPPER
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(TokenizerJson.write(tokenizer))
                .getBytes(StandardCharsets.UTF_8);
        return write(base, replacement, tokenizer.vocabSize(true), json, outDir, options, prov, TrainingProgress.NONE);
    }

    /** Writes the model with the bytes of {@code tokenizerJson} copied as its tokenizer.json. */
    public static Path write(
            HfModel base, Replacement replacement, Path tokenizerJson, Path outDir, Options options, Provenance prov)
            throws IOException {
        return write(base, replacement, tokenizerJson, outDir, options, prov, TrainingProgress.NONE);
    }

    /**
     * As {@link #write(HfModel, Replacement, Path, Path, Options, Provenance)}, reporting the tensors' bytes as
     * they are written (stage {@code "writing tensors"}).
     */
    public static Path write(
            HfModel base,
            Replacement replacement,
            Path tokenizerJson,
            Path outDir,
            Options options,
            Provenance prov,
            TrainingProgress progress)
            throws IOException {
        Tokenizer t = TokenizerJson.read(tokenizerJson);
        return write(
                base,
                replacement,
                t.vocabSize(true),
                Files.readAllBytes(tokenizerJson),
                outDir,
                options,
                prov,
                progress);
    }

    /**
     * As {@link #write(HfModel, Replacement, Path, Path, Options, Provenance, TrainingProgress)}, with the
     * tokenizer.json given as its bytes (written unchanged).
     */
    public static Path write(
            HfModel base,
            Replacement replacement,
            byte[] tokenizerJson,
            Path outDir,
            Options options,
            Provenance prov,
            TrainingProgress progress)
            throws IOException {
        Tokenizer t = TokenizerJson.read(Json.MAPPER.readTree(tokenizerJson));
        return write(base, replacement, t.vocabSize(true), tokenizerJson, outDir, options, prov, progress);
    }

    private static Path write(
            HfModel base,
            Replacement r,
            int tokenizerSize,
            byte[] tokenizerJson,
            Path outDir,
            Options options,
            Provenance prov,
            TrainingProgress progress)
            throws IOException {
        String where = outDir.toString();
        FloatMatrix emb = r.inputEmbeddings();
        int newRows = FloatMatrix.roundUp(emb.rows(), options.padToMultiple());
        check(where, emb, "input embeddings", emb.rows(), base.hiddenSize());
        if (tokenizerSize > emb.rows()) {
            throw new ModelFormatException(
                    where,
                    "the new tokenizer has " + tokenizerSize + " tokens but the embeddings only " + emb.rows()
                            + " rows");
        }
        if (base.tiedEmbeddings() && r.outputHead().isPresent()) {
            throw new ModelFormatException(
                    where, "the base ties its output head to the embeddings; give no separate output head");
        }
        if (!base.tiedEmbeddings() && r.outputHead().isEmpty()) {
            throw new ModelFormatException(where, "the base has an untied output head; a new one is needed");
        }
        r.outputHead().ifPresent(h -> check(where, h, "output head", emb.rows(), base.hiddenSize()));
        for (String b : base.vocabBiasNames()) {
            float[] v = r.vocabBiases().get(b);
            if (v == null || v.length != emb.rows()) {
                throw new ModelFormatException(
                        where,
                        "the base has a vocabulary-sized tensor '" + b + "': give its " + emb.rows() + " new values");
            }
        }

        SafetensorsCheckpoint ckpt = base.checkpoint();
        Map<String, TensorData> replaced = new HashMap<>();
        FloatMatrix paddedEmb = emb.withRows(newRows, options.padFill());
        replaced.put(base.inputEmbeddingName(), replacement(ckpt, base.inputEmbeddingName(), paddedEmb));
        base.outputHeadName()
                .ifPresent(h -> replaced.put(
                        h,
                        replacement(
                                ckpt,
                                h,
                                r.outputHead()
                                        .map(m -> m.withRows(newRows, options.padFill()))
                                        .orElse(paddedEmb))));
        for (String b : base.vocabBiasNames()) {
            FloatMatrix col =
                    new FloatMatrix(emb.rows(), 1, r.vocabBiases().get(b)).withRows(newRows, options.padFill());
            replaced.put(b, TensorData.of(b, writableDtype(ckpt, b), new long[] {newRows}, col.data()));
        }
        List<TensorData> tensors = new ArrayList<>();
        for (String name : ckpt.names()) {
            TensorData t = replaced.get(name);
            tensors.add(t != null ? t : TensorData.copyOf(ckpt.fileOf(name), name));
        }

        ObjectNode config = base.config();
        config.put("vocab_size", newRows);
        options.configOverrides().forEach((k, v) -> config.set(k, Json.MAPPER.valueToTree(v)));

        checkTarget(outDir);
        AtomicFiles.writeDirectory(outDir, tmp -> {
            long bytes = 0;
            for (TensorData t : tensors) {
                bytes += t.byteSize();
            }
            progress.stage("writing tensors", bytes);
            SafetensorsCheckpoint.write(tmp, tensors, ckpt.metadata(), options.maxShardBytes(), progress::advance);
            Files.writeString(
                    tmp.resolve(HfModel.CONFIG_FILE),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n");
            Files.write(tmp.resolve("tokenizer.json"), tokenizerJson);
            prov.writeInto(tmp);
        });
        return outDir;
    }

    private static void check(String where, FloatMatrix m, String what, int rows, int hidden) {
        if (m.rows() != rows || m.cols() != hidden) {
            throw new ModelFormatException(
                    where,
                    "new " + what + " are [" + m.rows() + ", " + m.cols() + "], expected [" + rows + ", " + hidden
                            + "] (hidden_size of the base)");
        }
    }

    private static TensorData replacement(SafetensorsCheckpoint ckpt, String name, FloatMatrix m) {
        return TensorData.of(name, writableDtype(ckpt, name), m);
    }

    private static DType writableDtype(SafetensorsCheckpoint ckpt, String name) {
        DType d = ckpt.info(name).dtype();
        if (!d.writable()) {
            throw new ModelFormatException(
                    ckpt.fileOf(name).path().toString(),
                    "tensor '" + name + "' is " + d + "; only F32, F16 and BF16 tables can be replaced");
        }
        return d;
    }

    /** {@code outDir} must not exist or be an empty directory. */
    private static void checkTarget(Path outDir) throws IOException {
        Path abs = outDir.toAbsolutePath();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new ModelFormatException(outDir.toString(), "exists and is not a directory");
            }
            try (Stream<Path> s = Files.list(abs)) {
                if (s.findAny().isPresent()) {
                    throw new ModelFormatException(
                            outDir.toString(), "exists and is not empty; choose a new directory");
                }
            }
        }
    }
}
