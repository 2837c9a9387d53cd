package dev.tokensmith.transplant.align;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link AlignmentReport} as one JSON object: {@code from}, {@code to} (name, family, spelling, normalization,
 * tokens, special, roles, numbers), {@code shared}, {@code new}, {@code dropped}, {@code classes} (per class:
 * shared, new, dropped, newExamples, droppedExamples), {@code specials} (one object per row: target and source
 * as {@code {"id", "token"}} or null, roles, match) and {@code warnings}. Keys and enum values are lower case;
 * examples are canonical text with invisible characters escaped and bytes outside UTF-8 as {@code \xNN}.
 *
 * <pre>{@code
 * String json = AlignmentReportJson.render(report);
 * }</pre>
 */
public final class AlignmentReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AlignmentReportJson() {}

    /** Pretty-printed JSON, ending with a newline. */
    public static String render(AlignmentReport r) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    public static ObjectNode toJson(AlignmentReport r) {
        ObjectNode root = NODES.objectNode();
        root.set("from", side(r.from()));
        root.set("to", side(r.to()));
        root.put("shared", r.total().shared());
        root.put("new", r.total().added());
        root.put("dropped", r.total().dropped());
        ObjectNode classes = root.putObject("classes");
        for (Map.Entry<TokenClass, AlignmentReport.Counts> e : r.byClass().entrySet()) {
            AlignmentReport.Counts c = e.getValue();
            ObjectNode o = classes.putObject(lower(e.getKey().name()));
            o.put("shared", c.shared());
            o.put("new", c.added());
            o.put("dropped", c.dropped());
            o.set("newExamples", strings(c.newExamples()));
            o.set("droppedExamples", strings(c.droppedExamples()));
        }
        ArrayNode specials = root.putArray("specials");
        for (VocabAlignment.SpecialRow x : r.specials()) {
            ObjectNode o = specials.addObject();
            o.set("target", token(x.targetId(), x.targetToken()));
            o.set("source", token(x.sourceId(), x.sourceToken()));
            ArrayNode roles = o.putArray("roles");
            x.roles().forEach(role -> roles.add(role.label()));
            o.put("match", lower(x.match().name()));
        }
        root.set("warnings", strings(r.warnings()));
        return root;
    }

    private static ObjectNode side(AlignmentReport.Side s) {
        ObjectNode o = NODES.objectNode();
        o.put("name", s.name());
        o.put("family", s.family().label());
        o.put("spelling", s.spelling());
        o.put("normalization", s.normalization());
        o.put("tokens", s.tokens());
        o.put("special", s.special());
        ObjectNode roles = o.putObject("roles");
        s.roles().forEach((role, token) -> roles.put(role.label(), token));
        NumberScheme n = s.numbers();
        ObjectNode numbers = o.putObject("numbers");
        numbers.put("kind", lower(n.kind().name()));
        numbers.put("groupSize", n.groupSize());
        if (n.direction() == null) {
            numbers.putNull("direction");
        } else {
            numbers.put("direction", lower(n.direction().name()));
        }
        numbers.put("wholeUpTo", n.wholeUpTo());
        numbers.put("longestNumberToken", n.longestNumberToken());
        numbers.put("example", n.example());
        numbers.put("description", n.describe());
        return o;
    }

    private static JsonNode token(int id, String text) {
        if (id < 0) {
            return NODES.nullNode();
        }
        ObjectNode o = NODES.objectNode();
        o.put("id", id);
        o.put("token", text);
        return o;
    }

    private static ArrayNode strings(List<String> xs) {
        ArrayNode a = NODES.arrayNode();
        xs.forEach(a::add);
        return a;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
