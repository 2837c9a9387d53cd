package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.TokenizerFormatException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON node together with its JSON path ({@code $.model.merges[3]}), so that every reading error names where
 * it happened. Readers of tokenizer.json components take and return these.
 */
public record JsonField(JsonNode node, String path) {

    public static JsonField root(JsonNode node) {
        return new JsonField(node, "$");
    }

    public TokenizerFormatException error(String problem) {
        return new TokenizerFormatException(null, path, problem);
    }

    public boolean isNull() {
        return node == null || node.isNull() || node.isMissingNode();
    }

    public boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    /** The child field; may be missing (then {@link #isNull()} is true). */
    public JsonField get(String name) {
        JsonNode child = node == null ? null : node.get(name);
        return new JsonField(child, path + "." + name);
    }

    /** The child field, which must be present and not null. */
    public JsonField require(String name) {
        JsonField f = get(name);
        if (f.isNull()) {
            throw new TokenizerFormatException(null, f.path, "missing required field");
        }
        return f;
    }

    public JsonField at(int index) {
        return new JsonField(node.get(index), path + "[" + index + "]");
    }

    public String asString() {
        if (node == null || !node.isTextual()) {
            throw error("expected a string, found " + kind());
        }
        return node.textValue();
    }

    public int asInt() {
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw error("expected an integer, found " + kind());
        }
        return node.intValue();
    }

    public long asLong() {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error("expected an integer, found " + kind());
        }
        return node.longValue();
    }

    public double asDouble() {
        if (node == null || !node.isNumber()) {
            throw error("expected a number, found " + kind());
        }
        return node.doubleValue();
    }

    public boolean asBoolean() {
        if (node == null || !node.isBoolean()) {
            throw error("expected true or false, found " + kind());
        }
        return node.booleanValue();
    }

    public String string(String name) {
        return require(name).asString();
    }

    public String optString(String name, String fallback) {
        JsonField f = get(name);
        return f.isNull() ? fallback : f.asString();
    }

    public int integer(String name) {
        return require(name).asInt();
    }

    public int optInt(String name, int fallback) {
        JsonField f = get(name);
        return f.isNull() ? fallback : f.asInt();
    }

    public boolean optBoolean(String name, boolean fallback) {
        JsonField f = get(name);
        return f.isNull() ? fallback : f.asBoolean();
    }

    public double optDouble(String name, double fallback) {
        JsonField f = get(name);
        return f.isNull() ? fallback : f.asDouble();
    }

    /** The elements of an array field. */
    public List<JsonField> elements() {
        if (node == null || !node.isArray()) {
            throw error("expected an array, found " + kind());
        }
        List<JsonField> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(at(i));
        }
        return out;
    }

    /** The entries of an object field, in file order. */
    public List<Map.Entry<String, JsonField>> entries() {
        if (node == null || !node.isObject()) {
            throw error("expected an object, found " + kind());
        }
        List<Map.Entry<String, JsonField>> out = new ArrayList<>(node.size());
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(Map.entry(e.getKey(), new JsonField(e.getValue(), path + "." + e.getKey())));
        }
        return out;
    }

    /** The {@code "type"} tag of a component object. */
    public String type() {
        if (node == null || !node.isObject()) {
            throw error("expected a component object with a \"type\", found " + kind());
        }
        return string("type");
    }

    /** An error for an unknown {@code "type"} tag, listing the known ones. */
    public TokenizerFormatException unknownType(String type, java.util.Collection<String> known) {
        return new TokenizerFormatException(
                null,
                path + ".type",
                "unsupported type \"" + type + "\" (supported: " + String.join(", ", known) + ")");
    }

    private String kind() {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
