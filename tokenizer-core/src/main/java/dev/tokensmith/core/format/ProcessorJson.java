package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.TokenizerFormatException;
import dev.tokensmith.core.processor.BertProcessing;
import dev.tokensmith.core.processor.ByteLevel;
import dev.tokensmith.core.processor.Piece;
import dev.tokensmith.core.processor.PostProcessor;
import dev.tokensmith.core.processor.RobertaProcessing;
import dev.tokensmith.core.processor.Sequence;
import dev.tokensmith.core.processor.SpecialToken;
import dev.tokensmith.core.processor.TemplateProcessing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the {@code "post_processor"} of a tokenizer.json.
 *
 * <p>HF reads it as an untagged union, trying RobertaProcessing, BertProcessing, ByteLevel,
 * TemplateProcessing and Sequence in that order, and only ByteLevel and Sequence check the {@code "type"}: an
 * object with {@code sep}, {@code cls}, {@code trim_offsets} and {@code add_prefix_space} is a
 * RobertaProcessing whatever its type says, one with only {@code sep} and {@code cls} a BertProcessing, and
 * those two and TemplateProcessing need no type at all. This reader follows the same order; when nothing
 * matches, the error is the one of the declared type.
 *
 * <p>Templates may also be given as HF's piece notation, a string ({@code "[CLS] $A [SEP]"}) or an array of
 * piece strings ({@code ["[CLS]", "$A:0"]}): HF's Python constructor takes those, its JSON reader does not.
 * They are always written in HF's object form.
 */
public final class ProcessorJson {
    private static final List<String> TYPES =
            List.of("RobertaProcessing", "BertProcessing", "ByteLevel", "TemplateProcessing", "Sequence");

    private ProcessorJson() {}

    public static PostProcessor read(JsonField f) {
        if (f.isNull() || !f.node().isObject()) {
            throw f.error("expected a post-processor object");
        }
        JsonNode typeNode = f.node().get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : null;
        TokenizerFormatException declaredTypeError = null;
        for (String candidate : TYPES) {
            try {
                return readAs(candidate, f);
            } catch (TokenizerFormatException e) {
                if (candidate.equals(type)) {
                    declaredTypeError = e;
                }
            }
        }
        if (declaredTypeError != null) {
            throw declaredTypeError;
        }
        if (type == null) {
            throw f.error("no post-processor matches this object, and it has no \"type\" (supported: "
                    + String.join(", ", TYPES) + ")");
        }
        throw f.unknownType(type, TYPES);
    }

    private static PostProcessor readAs(String type, JsonField f) {
        return switch (type) {
            case "RobertaProcessing" -> {
                JsonField sep = f.require("sep");
                JsonField cls = f.require("cls");
                yield new RobertaProcessing(
                        tokenOf(sep),
                        idOf(sep),
                        tokenOf(cls),
                        idOf(cls),
                        f.require("trim_offsets").asBoolean(),
                        f.require("add_prefix_space").asBoolean());
            }
            case "BertProcessing" -> {
                JsonField sep = f.require("sep");
                JsonField cls = f.require("cls");
                yield new BertProcessing(tokenOf(sep), idOf(sep), tokenOf(cls), idOf(cls));
            }
            case "ByteLevel" -> new ByteLevel(ByteLevelJson.read(f));
            case "TemplateProcessing" ->
                new TemplateProcessing(
                        template(f.require("single")),
                        template(f.require("pair")),
                        specialTokens(f.require("special_tokens")));
            case "Sequence" -> {
                String t = f.type();
                if (!"Sequence".equals(t)) {
                    throw f.get("type").error("expected \"Sequence\", found \"" + t + "\"");
                }
                List<PostProcessor> processors = new ArrayList<>();
                for (JsonField p : f.require("processors").elements()) {
                    processors.add(read(p));
                }
                yield new Sequence(processors);
            }
            default -> throw new IllegalStateException(type);
        };
    }

    // A Rust (String, u32) tuple: exactly two elements.
    private static String tokenOf(JsonField pair) {
        checkPair(pair);
        return pair.at(0).asString();
    }

    private static int idOf(JsonField pair) {
        checkPair(pair);
        return JsonValues.u32(pair.at(1));
    }

    private static void checkPair(JsonField pair) {
        if (pair.elements().size() != 2) {
            throw pair.error("expected [token, id]");
        }
    }

    private static List<Piece> template(JsonField f) {
        if (f.node().isTextual()) {
            try {
                return Piece.parseTemplate(f.asString());
            } catch (IllegalArgumentException e) {
                throw f.error(e.getMessage());
            }
        }
        List<Piece> pieces = new ArrayList<>();
        for (JsonField p : f.elements()) {
            pieces.add(piece(p));
        }
        return pieces;
    }

    private static Piece piece(JsonField f) {
        if (f.node() != null && f.node().isTextual()) {
            try {
                return Piece.parse(f.asString());
            } catch (IllegalArgumentException e) {
                throw f.error(e.getMessage());
            }
        }
        List<Map.Entry<String, JsonField>> entries = f.entries();
        if (entries.size() != 1) {
            throw f.error("expected {\"Sequence\": {...}} or {\"SpecialToken\": {...}}");
        }
        String kind = entries.get(0).getKey();
        JsonField body = entries.get(0).getValue();
        return switch (kind) {
            case "Sequence" -> {
                JsonField id = body.require("id");
                Piece.SequenceId seq = switch (id.asString()) {
                    case "A" -> Piece.SequenceId.A;
                    case "B" -> Piece.SequenceId.B;
                    default -> throw id.error("expected \"A\" or \"B\", found \"" + id.asString() + "\"");
                };
                yield new Piece.Sequence(seq, JsonValues.u32(body.require("type_id")));
            }
            case "SpecialToken" -> new Piece.SpecialToken(body.string("id"), JsonValues.u32(body.require("type_id")));
            default -> throw f.error("unknown template piece \"" + kind + "\" (supported: Sequence, SpecialToken)");
        };
    }

    private static Map<String, SpecialToken> specialTokens(JsonField f) {
        Map<String, SpecialToken> out = new HashMap<>();
        for (Map.Entry<String, JsonField> e : f.entries()) {
            JsonField t = e.getValue();
            List<JsonField> idFields = t.require("ids").elements();
            int[] ids = new int[idFields.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = JsonValues.u32(idFields.get(i));
            }
            List<String> tokens = new ArrayList<>();
            for (JsonField tok : t.require("tokens").elements()) {
                tokens.add(tok.asString());
            }
            if (ids.length != tokens.size()) {
                throw t.error("ids and tokens must be of the same length");
            }
            out.put(e.getKey(), new SpecialToken(t.string("id"), ids, tokens));
        }
        return out;
    }

    public static ObjectNode write(PostProcessor processor) {
        return switch (processor) {
            case RobertaProcessing r -> {
                ObjectNode n = Json.typed("RobertaProcessing");
                n.set("sep", pair(r.sep(), r.sepId()));
                n.set("cls", pair(r.cls(), r.clsId()));
                n.put("trim_offsets", r.trimOffsets());
                n.put("add_prefix_space", r.addPrefixSpace());
                yield n;
            }
            case BertProcessing b -> {
                ObjectNode n = Json.typed("BertProcessing");
                n.set("sep", pair(b.sep(), b.sepId()));
                n.set("cls", pair(b.cls(), b.clsId()));
                yield n;
            }
            case ByteLevel b -> ByteLevelJson.write(b.config());
            case TemplateProcessing t -> {
                ObjectNode n = Json.typed("TemplateProcessing");
                n.set("single", writeTemplate(t.single()));
                n.set("pair", writeTemplate(t.pair()));
                ObjectNode tokens = n.putObject("special_tokens");
                List<String> keys = new ArrayList<>(t.specialTokens().keySet());
                keys.sort(JsonValues::compareCodePoints);
                for (String key : keys) {
                    SpecialToken st = t.specialTokens().get(key);
                    ObjectNode v = tokens.putObject(key);
                    v.put("id", st.id());
                    ArrayNode ids = v.putArray("ids");
                    for (int id : st.ids()) {
                        ids.add(id);
                    }
                    ArrayNode toks = v.putArray("tokens");
                    st.tokens().forEach(toks::add);
                }
                yield n;
            }
            case Sequence s -> {
                ObjectNode n = Json.typed("Sequence");
                ArrayNode list = n.putArray("processors");
                for (PostProcessor p : s.processors()) {
                    list.add(write(p));
                }
                yield n;
            }
        };
    }

    private static ArrayNode pair(String token, int id) {
        ArrayNode a = Json.array();
        a.add(token);
        a.add(id);
        return a;
    }

    private static ArrayNode writeTemplate(List<Piece> pieces) {
        ArrayNode a = Json.array();
        for (Piece p : pieces) {
            ObjectNode wrapper = a.addObject();
            switch (p) {
                case Piece.Sequence s -> {
                    ObjectNode body = wrapper.putObject("Sequence");
                    body.put("id", s.id().name());
                    body.put("type_id", s.typeId());
                }
                case Piece.SpecialToken t -> {
                    ObjectNode body = wrapper.putObject("SpecialToken");
                    body.put("id", t.id());
                    body.put("type_id", t.typeId());
                }
            }
        }
        return a;
    }
}
