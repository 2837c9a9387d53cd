package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.pretokenizer.BertPreTokenizer;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.pretokenizer.CharDelimiterSplit;
import dev.tokensmith.core.pretokenizer.Digits;
import dev.tokensmith.core.pretokenizer.FixedLength;
import dev.tokensmith.core.pretokenizer.Metaspace;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.pretokenizer.PrependScheme;
import dev.tokensmith.core.pretokenizer.Punctuation;
import dev.tokensmith.core.pretokenizer.Sequence;
import dev.tokensmith.core.pretokenizer.Split;
import dev.tokensmith.core.pretokenizer.UnicodeScripts;
import dev.tokensmith.core.pretokenizer.Whitespace;
import dev.tokensmith.core.pretokenizer.WhitespaceSplit;
import dev.tokensmith.core.text.SplitBehavior;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and writes the {@code "pre_tokenizer"} component of tokenizer.json as HF tokenizers does: the same
 * type tags, field names, required fields, defaults and legacy fields, and the same field order on output.
 */
public final class PreTokenizerJson {
    /** The {@code "type"} tags this codec reads. */
    public static final List<String> TYPES = List.of(
            "BertPreTokenizer",
            "ByteLevel",
            "CharDelimiterSplit",
            "Digits",
            "FixedLength",
            "Metaspace",
            "Punctuation",
            "Sequence",
            "Split",
            "UnicodeScripts",
            "Whitespace",
            "WhitespaceSplit");

    private PreTokenizerJson() {}

    /** Reads a pre-tokenizer component object (not null: a JSON null pre_tokenizer is the caller's business). */
    public static PreTokenizer read(JsonField f) {
        String type = f.type();
        return switch (type) {
            case "BertPreTokenizer" -> new BertPreTokenizer();
            case "ByteLevel" -> new ByteLevel(ByteLevelJson.read(f));
            case "CharDelimiterSplit" -> new CharDelimiterSplit(readChar(f.require("delimiter")));
            case "Digits" -> new Digits(f.require("individual_digits").asBoolean());
            case "FixedLength" -> readFixedLength(f);
            case "Metaspace" -> readMetaspace(f);
            case "Punctuation" ->
                new Punctuation(
                        f.node().has("behavior") ? readBehavior(f.get("behavior"), null) : SplitBehavior.ISOLATED);
            case "Sequence" -> readSequence(f);
            case "Split" -> readSplit(f);
            case "UnicodeScripts" -> new UnicodeScripts();
            case "Whitespace" -> new Whitespace();
            case "WhitespaceSplit" -> new WhitespaceSplit();
            default -> throw f.unknownType(type, TYPES);
        };
    }

    /** Writes {@code p} as HF serializes it. */
    public static ObjectNode write(PreTokenizer p) {
        return switch (p) {
            case BertPreTokenizer b -> Json.typed("BertPreTokenizer");
            case ByteLevel b -> ByteLevelJson.write(b.config());
            case CharDelimiterSplit d -> {
                ObjectNode n = Json.typed("CharDelimiterSplit");
                n.put("delimiter", Character.toString(d.delimiter()));
                yield n;
            }
            case Digits d -> {
                ObjectNode n = Json.typed("Digits");
                n.put("individual_digits", d.individualDigits());
                yield n;
            }
            case FixedLength l -> {
                ObjectNode n = Json.typed("FixedLength");
                n.put("length", l.length());
                yield n;
            }
            case Metaspace m -> {
                ObjectNode n = Json.typed("Metaspace");
                n.put("replacement", m.replacementString());
                n.put("prepend_scheme", m.prependScheme().jsonName());
                n.put("split", m.split());
                yield n;
            }
            case Punctuation pu -> {
                ObjectNode n = Json.typed("Punctuation");
                n.put("behavior", pu.behavior().jsonName());
                yield n;
            }
            case Sequence s -> {
                ObjectNode n = Json.typed("Sequence");
                ArrayNode list = n.putArray("pretokenizers");
                for (PreTokenizer child : s.preTokenizers()) {
                    list.add(write(child));
                }
                yield n;
            }
            case Split s -> {
                ObjectNode n = Json.typed("Split");
                n.putObject("pattern").put(s.kind() == Split.Kind.STRING ? "String" : "Regex", s.pattern());
                n.put("behavior", s.behavior().jsonName());
                n.put("invert", s.invert());
                yield n;
            }
            case UnicodeScripts u -> Json.typed("UnicodeScripts");
            case Whitespace w -> Json.typed("Whitespace");
            case WhitespaceSplit w -> Json.typed("WhitespaceSplit");
        };
    }

    /**
     * A split behavior name ({@code "Isolated"}...); {@code fallback} when the field is missing (null: the field
     * is required). An explicit JSON null is an error, as for HF.
     */
    public static SplitBehavior readBehavior(JsonField f, SplitBehavior fallback) {
        if (f.node() == null || f.node().isMissingNode()) {
            if (fallback == null) {
                throw f.error("missing required field");
            }
            return fallback;
        }
        String name = f.asString();
        SplitBehavior b = SplitBehavior.fromJson(name);
        if (b == null) {
            throw f.error("unknown split behavior \"" + name + "\" (expected Removed, Isolated, MergedWithPrevious,"
                    + " MergedWithNext or Contiguous)");
        }
        return b;
    }

    /** A Rust {@code char}: a string of exactly one Unicode scalar value. */
    static int readChar(JsonField f) {
        String s = f.asString();
        if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
            throw f.error("expected a single character, found \"" + s + "\"");
        }
        int c = s.codePointAt(0);
        if (Character.isSurrogate(s.charAt(0)) && c < 0x10000) {
            throw f.error("expected a single character, found a lone surrogate");
        }
        return c;
    }

    private static FixedLength readFixedLength(JsonField f) {
        if (!f.node().has("length")) {
            return new FixedLength(FixedLength.DEFAULT_LENGTH);
        }
        JsonField length = f.get("length");
        int n = length.asInt();
        if (n < 1) {
            throw length.error("length must be a positive integer, found " + n);
        }
        return new FixedLength(n);
    }

    private static Metaspace readMetaspace(JsonField f) {
        int replacement = readChar(f.require("replacement"));
        JsonField schemeField = f.get("prepend_scheme");
        PrependScheme scheme = PrependScheme.ALWAYS;
        if (f.node().has("prepend_scheme")) {
            String name = schemeField.asString();
            scheme = PrependScheme.fromJson(name);
            if (scheme == null) {
                throw schemeField.error("unknown prepend_scheme \"" + name + "\" (expected always, first or never)");
            }
        }
        JsonField strRep = f.get("str_rep");
        if (!strRep.isNull()) {
            strRep.asString(); // legacy and ignored, but it must still be a string
        }
        JsonField addPrefixSpace = f.get("add_prefix_space");
        if (!addPrefixSpace.isNull() && !addPrefixSpace.asBoolean()) {
            // Legacy field: false means "never", and contradicts any other (possibly defaulted) scheme.
            if (scheme != PrependScheme.NEVER) {
                throw addPrefixSpace.error("add_prefix_space does not match declared prepend_scheme");
            }
        }
        return new Metaspace(replacement, scheme, f.optBoolean("split", true));
    }

    private static Sequence readSequence(JsonField f) {
        List<PreTokenizer> children = new ArrayList<>();
        for (JsonField child : f.require("pretokenizers").elements()) {
            children.add(read(child));
        }
        return new Sequence(children);
    }

    private static Split readSplit(JsonField f) {
        JsonField pattern = f.require("pattern");
        List<Map.Entry<String, JsonField>> entries = pattern.entries();
        if (entries.size() != 1) {
            throw pattern.error("expected an object with one key, String or Regex");
        }
        Map.Entry<String, JsonField> entry = entries.getFirst();
        Split.Kind kind = switch (entry.getKey()) {
            case "String" -> Split.Kind.STRING;
            case "Regex" -> Split.Kind.REGEX;
            default ->
                throw pattern.error("unknown pattern kind \"" + entry.getKey() + "\" (expected String or Regex)");
        };
        String text = entry.getValue().asString();
        SplitBehavior behavior = readBehavior(f.get("behavior"), null);
        boolean invert = f.require("invert").asBoolean();
        try {
            return new Split(kind, text, behavior, invert);
        } catch (PatternSyntaxException e) {
            throw entry.getValue().error("invalid regex: " + e.getDescription() + " near index " + e.getIndex());
        }
    }
}
