package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.normalizer.BertNormalizer;
import dev.tokensmith.core.normalizer.ByteLevel;
import dev.tokensmith.core.normalizer.Lowercase;
import dev.tokensmith.core.normalizer.Nfc;
import dev.tokensmith.core.normalizer.Nfd;
import dev.tokensmith.core.normalizer.Nfkc;
import dev.tokensmith.core.normalizer.Nfkd;
import dev.tokensmith.core.normalizer.Nmt;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.normalizer.Precompiled;
import dev.tokensmith.core.normalizer.Prepend;
import dev.tokensmith.core.normalizer.Replace;
import dev.tokensmith.core.normalizer.Sequence;
import dev.tokensmith.core.normalizer.Strip;
import dev.tokensmith.core.normalizer.StripAccents;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * tokenizer.json {@code normalizer} objects. Reads what HF's serde accepts: the {@code "type"}-tagged form, and
 * the legacy untagged form, recognised by its fields in HF's order (BertNormalizer, Strip, Sequence,
 * Precompiled, Replace, Prepend). Writes what HF writes, fields in HF's order.
 */
public final class NormalizerJson {
    private static final List<String> TYPES = List.of(
            "BertNormalizer",
            "Strip",
            "StripAccents",
            "NFC",
            "NFD",
            "NFKC",
            "NFKD",
            "Sequence",
            "Lowercase",
            "Nmt",
            "Precompiled",
            "Replace",
            "Prepend",
            "ByteLevel");

    private NormalizerJson() {}

    public static Normalizer read(JsonField f) {
        if (f.isNull() || !f.node().isObject()) {
            throw f.error("expected a normalizer object, found "
                    + (f.isNull() ? "nothing" : f.node().getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        String type = f.has("type") ? f.type() : untaggedType(f);
        return switch (type) {
            case "BertNormalizer" ->
                new BertNormalizer(
                        f.require("clean_text").asBoolean(),
                        f.require("handle_chinese_chars").asBoolean(),
                        f.has("strip_accents") ? f.get("strip_accents").asBoolean() : null,
                        f.require("lowercase").asBoolean());
            case "Strip" ->
                new Strip(
                        f.require("strip_left").asBoolean(),
                        f.require("strip_right").asBoolean());
            case "StripAccents" -> new StripAccents();
            case "NFC" -> new Nfc();
            case "NFD" -> new Nfd();
            case "NFKC" -> new Nfkc();
            case "NFKD" -> new Nfkd();
            case "Lowercase" -> new Lowercase();
            case "Nmt" -> new Nmt();
            case "ByteLevel" -> new ByteLevel();
            case "Sequence" -> readSequence(f);
            case "Precompiled" -> readPrecompiled(f);
            case "Replace" -> readReplace(f);
            case "Prepend" -> new Prepend(f.string("prepend"));
            default -> throw f.unknownType(type, TYPES);
        };
    }

    /** HF's untagged fallback: the first normalizer whose required fields are all there. */
    private static String untaggedType(JsonField f) {
        if (f.has("clean_text") && f.has("handle_chinese_chars") && f.has("lowercase")) {
            return "BertNormalizer";
        }
        if (f.has("strip_left") && f.has("strip_right")) {
            return "Strip";
        }
        if (f.has("normalizers")) {
            return "Sequence";
        }
        if (f.has("precompiled_charsmap")) {
            return "Precompiled";
        }
        if (f.has("pattern") && f.has("content")) {
            return "Replace";
        }
        if (f.has("prepend")) {
            return "Prepend";
        }
        throw f.error("normalizer has no \"type\" and its fields match no normalizer");
    }

    private static Sequence readSequence(JsonField f) {
        List<Normalizer> parts = new ArrayList<>();
        for (JsonField e : f.require("normalizers").elements()) {
            parts.add(read(e));
        }
        return new Sequence(parts);
    }

    private static Precompiled readPrecompiled(JsonField f) {
        JsonField map = f.require("precompiled_charsmap");
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(map.asString());
        } catch (IllegalArgumentException e) {
            throw map.error("not base64: " + e.getMessage());
        }
        try {
            return new Precompiled(blob);
        } catch (IllegalArgumentException e) {
            throw map.error(e.getMessage());
        }
    }

    private static Replace readReplace(JsonField f) {
        JsonField p = f.require("pattern");
        if (!p.node().isObject() || p.node().size() != 1) {
            throw p.error("expected {\"String\": ...} or {\"Regex\": ...}");
        }
        Replace.ReplacePattern pattern;
        if (p.has("String")) {
            pattern = new Replace.Literal(p.string("String"));
        } else if (p.has("Regex")) {
            pattern = new Replace.Regex(p.string("Regex"));
        } else {
            throw p.error("expected {\"String\": ...} or {\"Regex\": ...}");
        }
        String content = f.string("content");
        try {
            return new Replace(pattern, content);
        } catch (PatternSyntaxException e) {
            throw p.get("Regex").error("regex not supported: " + e.getDescription());
        }
    }

    public static ObjectNode write(Normalizer n) {
        return switch (n) {
            case BertNormalizer b -> {
                ObjectNode o = Json.typed("BertNormalizer");
                o.put("clean_text", b.cleanText());
                o.put("handle_chinese_chars", b.handleChineseChars());
                if (b.stripAccents() == null) {
                    o.putNull("strip_accents");
                } else {
                    o.put("strip_accents", b.stripAccents());
                }
                o.put("lowercase", b.lowercase());
                yield o;
            }
            case Strip s -> {
                ObjectNode o = Json.typed("Strip");
                o.put("strip_left", s.stripLeft());
                o.put("strip_right", s.stripRight());
                yield o;
            }
            case StripAccents s -> Json.typed("StripAccents");
            case Nfc x -> Json.typed("NFC");
            case Nfd x -> Json.typed("NFD");
            case Nfkc x -> Json.typed("NFKC");
            case Nfkd x -> Json.typed("NFKD");
            case Lowercase x -> Json.typed("Lowercase");
            case Nmt x -> Json.typed("Nmt");
            case ByteLevel x -> Json.typed("ByteLevel");
            case Sequence s -> {
                ObjectNode o = Json.typed("Sequence");
                ArrayNode list = o.putArray("normalizers");
                for (Normalizer part : s.normalizers()) {
                    list.add(write(part));
                }
                yield o;
            }
            case Precompiled p -> {
                ObjectNode o = Json.typed("Precompiled");
                o.put("precompiled_charsmap", Base64.getEncoder().encodeToString(p.charsmap()));
                yield o;
            }
            case Replace r -> {
                ObjectNode o = Json.typed("Replace");
                ObjectNode pattern = o.putObject("pattern");
                pattern.put(
                        r.pattern() instanceof Replace.Regex ? "Regex" : "String",
                        r.pattern().value());
                o.put("content", r.content());
                yield o;
            }
            case Prepend p -> {
                ObjectNode o = Json.typed("Prepend");
                o.put("prepend", p.prepend());
                yield o;
            }
        };
    }
}
