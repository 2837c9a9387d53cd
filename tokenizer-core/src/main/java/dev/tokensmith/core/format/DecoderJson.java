package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.decoder.BPEDecoder;
import dev.tokensmith.core.decoder.ByteFallback;
import dev.tokensmith.core.decoder.ByteLevel;
import dev.tokensmith.core.decoder.CTC;
import dev.tokensmith.core.decoder.Decoder;
import dev.tokensmith.core.decoder.Fuse;
import dev.tokensmith.core.decoder.Metaspace;
import dev.tokensmith.core.decoder.Replace;
import dev.tokensmith.core.decoder.Sequence;
import dev.tokensmith.core.decoder.Strip;
import dev.tokensmith.core.decoder.WordPiece;
import dev.tokensmith.core.pretokenizer.PrependScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the {@code "decoder"} of a tokenizer.json. Every decoder needs its {@code "type"}; the
 * fields are required as HF requires them, with HF's defaults for the optional ones (ByteLevel's
 * {@code use_regex}, Metaspace's {@code prepend_scheme} and {@code split}, and Metaspace's legacy
 * {@code add_prefix_space}, which must agree with {@code prepend_scheme}).
 */
public final class DecoderJson {
    private static final List<String> TYPES = List.of(
            "BPEDecoder",
            "ByteLevel",
            "WordPiece",
            "Metaspace",
            "CTC",
            "Sequence",
            "Replace",
            "Fuse",
            "Strip",
            "ByteFallback");

    private DecoderJson() {}

    public static Decoder read(JsonField f) {
        String type = f.type();
        return switch (type) {
            case "BPEDecoder" -> new BPEDecoder(f.string("suffix"));
            case "ByteLevel" -> new ByteLevel(ByteLevelJson.read(f));
            case "WordPiece" ->
                new WordPiece(f.string("prefix"), f.require("cleanup").asBoolean());
            case "Metaspace" -> metaspace(f);
            case "CTC" ->
                new CTC(
                        f.string("pad_token"),
                        f.string("word_delimiter_token"),
                        f.require("cleanup").asBoolean());
            case "Sequence" -> {
                List<Decoder> decoders = new ArrayList<>();
                for (JsonField d : f.require("decoders").elements()) {
                    decoders.add(read(d));
                }
                yield new Sequence(decoders);
            }
            case "Replace" -> replace(f);
            case "Fuse" -> new Fuse();
            case "Strip" ->
                new Strip(
                        JsonValues.codePoint(f.require("content")),
                        JsonValues.usize(f.require("start")),
                        JsonValues.usize(f.require("stop")));
            case "ByteFallback" -> new ByteFallback();
            default -> throw f.unknownType(type, TYPES);
        };
    }

    private static Metaspace metaspace(JsonField f) {
        int replacement = JsonValues.codePoint(f.require("replacement"));
        PrependScheme scheme = PrependScheme.ALWAYS;
        JsonField schemeField = f.get("prepend_scheme");
        if (!schemeField.isNull()) {
            String name = schemeField.asString();
            scheme = PrependScheme.fromJson(name);
            if (scheme == null) {
                throw schemeField.error("expected \"first\", \"never\" or \"always\", found \"" + name + "\"");
            }
        }
        JsonField addPrefixSpace = f.get("add_prefix_space");
        if (!addPrefixSpace.isNull() && !addPrefixSpace.asBoolean()) {
            if (scheme != PrependScheme.NEVER) {
                throw addPrefixSpace.error("add_prefix_space does not match declared prepend_scheme");
            }
        }
        JsonField strRep = f.get("str_rep");
        if (!strRep.isNull()) {
            strRep.asString(); // HF reads and ignores it, but it must be a string
        }
        return new Metaspace(replacement, scheme, f.optBoolean("split", true));
    }

    private static Replace replace(JsonField f) {
        JsonField pattern = f.require("pattern");
        List<Map.Entry<String, JsonField>> entries = pattern.entries();
        if (entries.size() != 1) {
            throw pattern.error("expected {\"String\": ...} or {\"Regex\": ...}");
        }
        String kind = entries.get(0).getKey();
        boolean regex = switch (kind) {
            case "String" -> false;
            case "Regex" -> true;
            default -> throw pattern.error("unknown pattern kind \"" + kind + "\" (supported: String, Regex)");
        };
        String source = entries.get(0).getValue().asString();
        String content = f.string("content");
        try {
            return new Replace(source, regex, content);
        } catch (IllegalArgumentException e) {
            throw entries.get(0).getValue().error(e.getMessage());
        }
    }

    public static ObjectNode write(Decoder decoder) {
        return switch (decoder) {
            case BPEDecoder d -> Json.typed("BPEDecoder").put("suffix", d.suffix());
            case ByteLevel d -> ByteLevelJson.write(d.config());
            case WordPiece d ->
                Json.typed("WordPiece").put("prefix", d.prefix()).put("cleanup", d.cleanup());
            case Metaspace d -> {
                ObjectNode n = Json.typed("Metaspace");
                n.put("replacement", Character.toString(d.replacement()));
                n.put("prepend_scheme", d.prependScheme().jsonName());
                n.put("split", d.split());
                yield n;
            }
            case CTC d ->
                Json.typed("CTC")
                        .put("pad_token", d.padToken())
                        .put("word_delimiter_token", d.wordDelimiterToken())
                        .put("cleanup", d.cleanup());
            case Sequence d -> {
                ObjectNode n = Json.typed("Sequence");
                ArrayNode list = n.putArray("decoders");
                for (Decoder inner : d.decoders()) {
                    list.add(write(inner));
                }
                yield n;
            }
            case Replace d -> {
                ObjectNode n = Json.typed("Replace");
                n.putObject("pattern").put(d.isRegex() ? "Regex" : "String", d.pattern());
                n.put("content", d.content());
                yield n;
            }
            case Fuse d -> Json.typed("Fuse");
            case Strip d ->
                Json.typed("Strip")
                        .put("content", Character.toString(d.content()))
                        .put("start", d.start())
                        .put("stop", d.stop());
            case ByteFallback d -> Json.typed("ByteFallback");
        };
    }
}
