package dev.tokensmith.transplant.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Hugging Face model directory with safetensors weights: config.json (model type, vocab and hidden sizes,
 * whether the output head is tied to the input embeddings) and where the embedding tables lie.
 *
 * <pre>{@code
 * try (HfModel base = HfModel.open(Path.of("Llama-3.2-1B"))) {
 *     FloatMatrix emb = base.inputEmbeddings();              // [vocab_size, hidden_size]
 *     Optional<FloatMatrix> head = base.outputHead();        // empty when tied
 * }
 * }</pre>
 */
public final class HfModel implements AutoCloseable {
    public static final String CONFIG_FILE = "config.json";

    private final Path dir;
    private final ObjectNode config;
    private final Architecture architecture;
    private final SafetensorsCheckpoint checkpoint;
    private final boolean tied;
    private final String embeddingName;
    private final String headName;
    private final List<String> vocabBiasNames;
    private final int vocabSize;
    private final int hiddenSize;

    private HfModel(
            Path dir,
            ObjectNode config,
            Architecture architecture,
            SafetensorsCheckpoint checkpoint,
            boolean tied,
            String embeddingName,
            String headName,
            List<String> vocabBiasNames,
            int vocabSize,
            int hiddenSize) {
        this.dir = dir;
        this.config = config;
        this.architecture = architecture;
        this.checkpoint = checkpoint;
        this.tied = tied;
        this.embeddingName = embeddingName;
        this.headName = headName;
        this.vocabBiasNames = vocabBiasNames;
        this.vocabSize = vocabSize;
        this.hiddenSize = hiddenSize;
    }

    /** Reads config.json and opens the weights; errors name the file and what is missing or unsupported. */
    public static HfModel open(Path dir) {
        Path cfgPath = dir.resolve(CONFIG_FILE);
        String where = cfgPath.toString();
        if (!Files.isRegularFile(cfgPath)) {
            throw new ModelFormatException(dir.toString(), "no " + CONFIG_FILE + " (not a Hugging Face model folder)");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(cfgPath.toFile());
        } catch (IOException e) {
            throw new ModelFormatException(where, "not readable as JSON: " + ModelFormatException.oneLine(e), e);
        }
        if (!(root instanceof ObjectNode config)) {
            throw new ModelFormatException(where, "expected a JSON object");
        }
        Architecture arch = architectureOf(where, config);
        int vocab = requireInt(where, config, "vocab_size");
        int hidden = config.has("hidden_size")
                ? requireInt(where, config, "hidden_size")
                : config.has("n_embd") ? requireInt(where, config, "n_embd") : requireInt(where, config, "hidden_size");
        JsonNode tie = config.get("tie_word_embeddings");
        if (tie != null && !tie.isBoolean()) {
            throw new ModelFormatException(where, "tie_word_embeddings must be true or false, got " + tie);
        }
        boolean tied = tie == null ? arch.tiedByDefault() : tie.asBoolean();
        SafetensorsCheckpoint ckpt = SafetensorsCheckpoint.open(dir);
        try {
            String emb = firstPresent(ckpt, arch.embeddingNames());
            if (emb == null) {
                throw new ModelFormatException(
                        ckpt.location().toString(),
                        "missing tensor " + String.join(" or ", arch.embeddingNames()) + " (input embeddings of "
                                + arch.modelType() + ")");
            }
            String head = firstPresent(ckpt, arch.headNames());
            if (!tied && head == null) {
                throw new ModelFormatException(
                        ckpt.location().toString(),
                        "missing tensor " + String.join(" or ", arch.headNames())
                                + " (config.json says tie_word_embeddings is false)");
            }
            checkTable(ckpt, emb, vocab, hidden);
            if (head != null) {
                checkTable(ckpt, head, vocab, hidden);
            }
            List<String> biases = new ArrayList<>();
            for (String b : arch.vocabBiasNames()) {
                if (ckpt.contains(b)) {
                    TensorInfo t = ckpt.info(b);
                    if (t.rank() != 1 || t.dim(0) != vocab) {
                        throw new ModelFormatException(
                                ckpt.fileOf(b).path().toString(),
                                "tensor '" + b + "' has shape " + TensorInfo.shapeString(t.shape()) + ", expected ["
                                        + vocab + "]");
                    }
                    biases.add(b);
                }
            }
            return new HfModel(dir, config, arch, ckpt, tied, emb, head, List.copyOf(biases), vocab, hidden);
        } catch (RuntimeException e) {
            ckpt.close();
            throw e;
        }
    }

    private static Architecture architectureOf(String where, ObjectNode config) {
        JsonNode type = config.get("model_type");
        if (type != null && type.isTextual()) {
            Architecture a = Architecture.byModelType(type.asText());
            if (a == null) {
                throw new ModelFormatException(
                        where,
                        "unsupported model_type '" + type.asText() + "' (supported: " + Architecture.supported() + ")");
            }
            return a;
        }
        JsonNode archs = config.get("architectures");
        if (archs != null && archs.isArray() && !archs.isEmpty()) {
            Architecture a = Architecture.byClassName(archs.get(0).asText());
            if (a == null) {
                throw new ModelFormatException(
                        where,
                        "unsupported architecture '" + archs.get(0).asText() + "' (supported model types: "
                                + Architecture.supported() + ")");
            }
            return a;
        }
        throw new ModelFormatException(where, "neither model_type nor architectures says what model this is");
    }

    private static int requireInt(String where, JsonNode config, String key) {
        JsonNode v = config.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() <= 0) {
            throw new ModelFormatException(where, (v == null ? "missing " : "invalid ") + key);
        }
        return v.asInt();
    }

    private static String firstPresent(SafetensorsCheckpoint ckpt, List<String> names) {
        for (String n : names) {
            if (ckpt.contains(n)) {
                return n;
            }
        }
        return null;
    }

    private static void checkTable(SafetensorsCheckpoint ckpt, String name, int vocab, int hidden) {
        TensorInfo t = ckpt.info(name);
        if (t.rank() != 2 || t.dim(0) != vocab || t.dim(1) != hidden) {
            throw new ModelFormatException(
                    ckpt.fileOf(name).path().toString(),
                    "tensor '" + name + "' has shape " + TensorInfo.shapeString(t.shape()) + " but config.json says ["
                            + vocab + ", " + hidden + "] (vocab_size, hidden_size)");
        }
    }

    public Path dir() {
        return dir;
    }

    /** A copy of config.json. */
    public ObjectNode config() {
        return config.deepCopy();
    }

    public Architecture architecture() {
        return architecture;
    }

    public int vocabSize() {
        return vocabSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /** Whether the output head shares the input embedding matrix (config.json, else the family's default). */
    public boolean tiedEmbeddings() {
        return tied;
    }

    public String inputEmbeddingName() {
        return embeddingName;
    }

    /** The output head tensor's name when the checkpoint holds one (it may, redundantly, when tied). */
    public Optional<String> outputHeadName() {
        return Optional.ofNullable(headName);
    }

    /** Vocabulary-sized bias tensors present in this checkpoint. */
    public List<String> vocabBiasNames() {
        return vocabBiasNames;
    }

    public SafetensorsCheckpoint checkpoint() {
        return checkpoint;
    }

    /** The input embeddings [vocab_size, hidden_size] as float32. */
    public FloatMatrix inputEmbeddings() {
        return checkpoint.readMatrix(embeddingName);
    }

    /** The untied output head [vocab_size, hidden_size] as float32; empty when tied to the embeddings. */
    public Optional<FloatMatrix> outputHead() {
        return tied ? Optional.empty() : Optional.of(checkpoint.readMatrix(headName));
    }

    @Override
    public void close() {
        checkpoint.close();
    }
}
