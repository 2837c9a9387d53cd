package dev.tokensmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.AddedToken;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.TokenizerJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code inspect} reports about a tokenizer, as a JSON object. Component types come from the tokenizer.json
 * form the format codecs write (the HF {@code "type"} names, nested for {@code Sequence}), so every component is
 * described the same way; where a codec writes nothing, the Java class name stands in.
 */
final class TokenizerReport {
    private TokenizerReport() {}

    static ObjectNode of(String source, Tokenizer t) {
        ObjectNode doc = TokenizerJson.write(t);
        ObjectNode r = Json.object();
        r.put("tokenizer", source);
        r.set("model", model(doc.get("model"), t));
        r.set("normalizer", stage(doc.get("normalizer"), t.normalizer()));
        r.set("pre_tokenizer", stage(doc.get("pre_tokenizer"), t.preTokenizer()));
        r.set("post_processor", stage(doc.get("post_processor"), t.postProcessor()));
        r.set("decoder", stage(doc.get("decoder"), t.decoder()));
        List<AddedToken> added = t.addedTokens();
        r.put("added_tokens", added.size());
        ArrayNode special = r.putArray("special_tokens");
        added.stream()
                .filter(AddedToken::special)
                .sorted(Comparator.comparingInt(AddedToken::id))
                .forEach(a -> special.addObject().put("id", a.id()).put("content", a.content()));
        r.set("truncation", orNull(doc.get("truncation")));
        r.set("padding", orNull(doc.get("padding")));
        return r;
    }

    private static ObjectNode model(JsonNode json, Tokenizer t) {
        ObjectNode m = Json.object();
        m.put("type", typeOf(json, t.model()));
        m.put("vocab_size", t.vocabSize(false));
        m.put("vocab_size_with_added_tokens", t.vocabSize(true));
        JsonNode merges = json == null ? null : json.get("merges");
        if (merges != null && merges.isArray()) {
            m.put("merges", merges.size());
        }
        ObjectNode settings = m.putObject("settings");
        if (json != null && json.isObject()) {
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                if (!e.getKey().equals("type") && !e.getValue().isContainerNode()) {
                    settings.set(e.getKey(), e.getValue());
                }
            }
        }
        return m;
    }

    /** {"type": T} or, for a sequence, {"type": "Sequence", "steps": [...]}; null when the stage is absent. */
    private static JsonNode stage(JsonNode json, Optional<?> component) {
        if (component.isEmpty()) {
            return NullNode.instance;
        }
        return describe(json, component.get());
    }

    private static ObjectNode describe(JsonNode json, Object component) {
        ObjectNode d = Json.object();
        d.put("type", typeOf(json, component));
        List<JsonNode> steps = steps(json);
        if (!steps.isEmpty()) {
            ArrayNode a = d.putArray("steps");
            for (JsonNode step : steps) {
                a.add(describe(step, null));
            }
        }
        return d;
    }

    private static String typeOf(JsonNode json, Object component) {
        JsonNode type = json == null ? null : json.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        return component == null ? "?" : component.getClass().getSimpleName();
    }

    /** The nested components of a sequence: the one array field whose elements are typed components. */
    private static List<JsonNode> steps(JsonNode json) {
        if (json == null || !json.isObject()) {
            return List.of();
        }
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            JsonNode v = e.getValue();
            if (v.isArray() && !v.isEmpty()) {
                List<JsonNode> out = new ArrayList<>();
                for (JsonNode el : v) {
                    if (!el.isObject() || !el.has("type")) {
                        out = null;
                        break;
                    }
                    out.add(el);
                }
                if (out != null) {
                    return out;
                }
            }
        }
        return List.of();
    }

    private static JsonNode orNull(JsonNode n) {
        return n == null ? NullNode.instance : n;
    }
}
