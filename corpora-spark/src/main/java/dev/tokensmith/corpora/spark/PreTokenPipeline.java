package dev.tokensmith.corpora.spark;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.format.TokenizerJson;
import dev.tokensmith.core.model.WordLevel;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.train.PreTokenCountsMetadata;
import dev.tokensmith.core.train.TrainingTemplate;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A tokenizer's normalizer and pre-tokenizer, in a form a Spark job can ship to its executors.
 *
 * <p>The core's stages are plain records, not {@link Serializable}; what travels is their tokenizer.json text
 * (normalizer and pre-tokenizer only, no vocabulary), and each executor JVM builds the stages once per
 * pipeline. Added tokens are not extracted: like HF's trainer, counting runs the normalizer and pre-tokenizer
 * over the raw text.
 *
 * <pre>{@code
 * PreTokenPipeline p = PreTokenPipeline.template("byte-level");
 * p.forEachPreToken("Hello world", t -> ...); // "Hello", "Ġworld"
 * }</pre>
 */
public final class PreTokenPipeline implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Built stages per executor JVM, keyed by their JSON: tasks deserialize a fresh instance each time. */
    private static final Map<String, Tokenizer> BUILT = new ConcurrentHashMap<>();

    private final String name;
    private final String json;
    private transient Tokenizer stages;

    private PreTokenPipeline(String name, String json) {
        this.name = name;
        this.json = json;
    }

    /** A training template's pipeline ({@link TrainingTemplate#byId}: byte-level, llama3, char-level, ...). */
    public static PreTokenPipeline template(String id) {
        TrainingTemplate t = TrainingTemplate.byId(id);
        Tokenizer.Builder b = Tokenizer.builder(emptyModel()).preTokenizer(t.preTokenizer());
        t.normalizer().ifPresent(b::normalizer);
        return new PreTokenPipeline(t.id(), TokenizerJson.write(b.build()).toString());
    }

    /** The normalizer and pre-tokenizer of a tokenizer file ({@link Tokenizers#fromFile}). */
    public static PreTokenPipeline fromFile(Path tokenizerFile) {
        return of(tokenizerFile.getFileName().toString(), Tokenizers.fromFile(tokenizerFile));
    }

    /** The normalizer and pre-tokenizer of {@code tokenizer}; its model and added tokens are left behind. */
    public static PreTokenPipeline of(String name, Tokenizer tokenizer) {
        Tokenizer.Builder b = Tokenizer.builder(emptyModel());
        tokenizer.normalizer().ifPresent(b::normalizer);
        tokenizer.preTokenizer().ifPresent(b::preTokenizer);
        return new PreTokenPipeline(name, TokenizerJson.write(b.build()).toString());
    }

    private static WordLevel emptyModel() {
        return new WordLevel(Map.of(), WordLevel.DEFAULT_UNK_TOKEN);
    }

    /** A short name for logs and provenance: the template name or the tokenizer file's name. */
    public String name() {
        return name;
    }

    /** The pipeline as tokenizer.json text (normalizer, pre-tokenizer, an empty model). */
    public String json() {
        return json;
    }

    /** Provenance for a counts file: the pipeline's name and stages, as the in-process counter records them. */
    public PreTokenCountsMetadata metadata() {
        Tokenizer t = stages();
        return PreTokenCountsMetadata.forPipeline(
                name, t.normalizer().orElse(null), t.preTokenizer().orElse(null));
    }

    /** Passes each pre-token of {@code document}, in order, to {@code sink}. */
    public void forEachPreToken(String document, Consumer<String> sink) {
        for (PreTokenizedString.Split s : stages().preTokenize(document)) {
            String piece = s.normalized().get();
            if (!piece.isEmpty()) {
                sink.accept(piece);
            }
        }
    }

    private Tokenizer stages() {
        Tokenizer t = stages;
        if (t == null) {
            t = BUILT.computeIfAbsent(json, Tokenizers::fromJsonString);
            stages = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreTokenPipeline p && p.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "PreTokenPipeline[" + name + "]";
    }
}
