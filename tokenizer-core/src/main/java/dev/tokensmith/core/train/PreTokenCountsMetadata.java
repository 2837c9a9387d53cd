package dev.tokensmith.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.NormalizerJson;
import dev.tokensmith.core.format.PreTokenizerJson;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a counts file came from: the pipeline that cut the pre-tokens, the corpora counted and the Tokensmith
 * version. The caller fills it; {@link PreTokenCountsFile} stores it as a JSON block. Serialization is
 * deterministic (fixed field order, sorted properties, no time stamps), so two engines that count the same
 * corpus with the same metadata write byte-identical files.
 *
 * <pre>{@code
 * var meta = PreTokenCountsMetadata.forPipeline("byte-level", null, new ByteLevel(false, true, true))
 *         .withCorpora(List.of(new PreTokenCountsMetadata.Corpus("en.txt", 1234, "ab12…")))
 *         .withTokensmithVersion("0.1.0");
 * }</pre>
 *
 * @param template the template name ({@code byte-level}, {@code llama3}, {@code char-level}, …), or null
 * @param normalizer the normalizer as tokenizer.json writes it (compact JSON text), or null for none
 * @param preTokenizer the pre-tokenizer as tokenizer.json writes it (compact JSON text), or null for none
 * @param corpora the inputs counted, in the order given
 * @param tokensmithVersion the version that counted, or null
 * @param properties anything else worth keeping (engine, thread count, …), written in key order
 */
public record PreTokenCountsMetadata(
        String template,
        String normalizer,
        String preTokenizer,
        List<Corpus> corpora,
        String tokensmithVersion,
        Map<String, String> properties) {

    /** One counted input: a name (file path or label), its size in bytes and its SHA-256 (hex), when known. */
    public record Corpus(String name, long bytes, String sha256) {
        public Corpus {
            Objects.requireNonNull(name, "name");
        }
    }

    private static final String FORMAT = "tokensmith-pre-token-counts";

    public PreTokenCountsMetadata {
        normalizer = normalizer == null
                ? null
                : parseOrNull(normalizer, "normalizer").toString();
        preTokenizer = preTokenizer == null
                ? null
                : parseOrNull(preTokenizer, "pre_tokenizer").toString();
        corpora = List.copyOf(corpora == null ? List.of() : corpora);
        properties = Map.copyOf(properties == null ? Map.of() : properties);
    }

    /** No provenance at all (sorted runs, tests). */
    public static PreTokenCountsMetadata empty() {
        return new PreTokenCountsMetadata(null, null, null, List.of(), null, Map.of());
    }

    /** The pipeline's stages in their tokenizer.json form; either may be null. */
    public static PreTokenCountsMetadata forPipeline(
            String template, Normalizer normalizer, PreTokenizer preTokenizer) {
        return new PreTokenCountsMetadata(
                template,
                normalizer == null ? null : NormalizerJson.write(normalizer).toString(),
                preTokenizer == null
                        ? null
                        : PreTokenizerJson.write(preTokenizer).toString(),
                List.of(),
                null,
                Map.of());
    }

    public PreTokenCountsMetadata withCorpora(List<Corpus> corpora) {
        return new PreTokenCountsMetadata(template, normalizer, preTokenizer, corpora, tokensmithVersion, properties);
    }

    public PreTokenCountsMetadata withTokensmithVersion(String version) {
        return new PreTokenCountsMetadata(template, normalizer, preTokenizer, corpora, version, properties);
    }

    public PreTokenCountsMetadata withProperty(String key, String value) {
        Map<String, String> p = new TreeMap<>(properties);
        p.put(key, value);
        return new PreTokenCountsMetadata(template, normalizer, preTokenizer, corpora, tokensmithVersion, p);
    }

    /** The JSON block of the file format: compact, fields in a fixed order. */
    String toJson() {
        ObjectNode o = Json.object();
        o.put("format", FORMAT);
        o.put("template", template);
        o.set("normalizer", parseOrNull(normalizer, "normalizer"));
        o.set("pre_tokenizer", parseOrNull(preTokenizer, "pre_tokenizer"));
        ArrayNode cs = o.putArray("corpora");
        for (Corpus c : corpora) {
            ObjectNode n = cs.addObject();
            n.put("name", c.name());
            n.put("bytes", c.bytes());
            n.put("sha256", c.sha256());
        }
        o.put("tokensmith_version", tokensmithVersion);
        ObjectNode props = o.putObject("properties");
        new TreeMap<>(properties).forEach(props::put);
        return o.toString();
    }

    /** Reads {@link #toJson}'s form; throws IllegalArgumentException naming the field that is wrong. */
    static PreTokenCountsMetadata fromJson(String json) {
        JsonNode o;
        try {
            o = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata is not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject() || !FORMAT.equals(o.path("format").asText(null))) {
            throw new IllegalArgumentException("metadata is not a " + FORMAT + " object");
        }
        List<Corpus> corpora = new ArrayList<>();
        for (JsonNode c : o.path("corpora")) {
            if (!c.path("name").isTextual()) {
                throw new IllegalArgumentException("metadata corpora[" + corpora.size() + "] has no name");
            }
            corpora.add(new Corpus(
                    c.get("name").asText(),
                    c.path("bytes").asLong(0),
                    c.path("sha256").isTextual() ? c.get("sha256").asText() : null));
        }
        Map<String, String> props = new TreeMap<>();
        o.path("properties")
                .properties()
                .forEach(e -> props.put(e.getKey(), e.getValue().asText()));
        return new PreTokenCountsMetadata(
                textOrNull(o.get("template")),
                jsonOrNull(o.get("normalizer")),
                jsonOrNull(o.get("pre_tokenizer")),
                corpora,
                textOrNull(o.get("tokensmith_version")),
                props);
    }

    private static JsonNode parseOrNull(String json, String field) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata " + field + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String jsonOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.toString();
    }
}
