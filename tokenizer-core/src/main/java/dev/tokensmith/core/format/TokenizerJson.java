package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.AddedToken;
import dev.tokensmith.core.Padding;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.TokenizerFormatException;
import dev.tokensmith.core.Truncation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** HF {@code tokenizer.json}: reading into a {@link Tokenizer} and writing one back. */
public final class TokenizerJson {
    private TokenizerJson() {}

    /** Reads a tokenizer.json file; errors name the file and the JSON path. */
    public static Tokenizer read(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new TokenizerFormatException(file.toString(), null, "not readable as JSON: " + oneLine(e), e);
        }
        try {
            return read(root);
        } catch (TokenizerFormatException e) {
            throw e.inFile(file.toString());
        }
    }

    /** Reads a parsed tokenizer.json document. */
    public static Tokenizer read(JsonNode root) {
        JsonField top = JsonField.root(root);
        if (root == null || !root.isObject()) {
            throw top.error("expected a tokenizer.json object");
        }
        String version = top.optString("version", "1.0");
        if (!version.equals("1.0")) {
            throw top.get("version").error("unknown tokenizer version '" + version + "'");
        }
        Tokenizer.Builder b = Tokenizer.builder(ModelJson.read(top.require("model")));
        JsonField f;
        if (!(f = top.get("normalizer")).isNull()) {
            b.normalizer(NormalizerJson.read(f));
        }
        if (!(f = top.get("pre_tokenizer")).isNull()) {
            b.preTokenizer(PreTokenizerJson.read(f));
        }
        if (!(f = top.get("post_processor")).isNull()) {
            b.postProcessor(ProcessorJson.read(f));
        }
        if (!(f = top.get("decoder")).isNull()) {
            b.decoder(DecoderJson.read(f));
        }
        if (!(f = top.get("truncation")).isNull()) {
            b.truncation(readTruncation(f));
        }
        if (!(f = top.get("padding")).isNull()) {
            b.padding(readPadding(f));
        }
        if (!(f = top.get("added_tokens")).isNull()) {
            b.addedTokens(readAddedTokens(f));
        }
        return b.build();
    }

    static List<AddedToken> readAddedTokens(JsonField f) {
        List<AddedToken> out = new ArrayList<>();
        for (JsonField t : f.elements()) {
            boolean special = t.optBoolean("special", false);
            out.add(new AddedToken(
                    t.integer("id"),
                    t.string("content"),
                    t.optBoolean("single_word", false),
                    t.optBoolean("lstrip", false),
                    t.optBoolean("rstrip", false),
                    t.optBoolean("normalized", !special),
                    special));
        }
        return out;
    }

    static Truncation readTruncation(JsonField f) {
        String direction = f.optString("direction", "Right");
        String strategy = f.optString("strategy", "LongestFirst");
        Truncation.Direction d = switch (direction) {
            case "Left" -> Truncation.Direction.LEFT;
            case "Right" -> Truncation.Direction.RIGHT;
            default -> throw f.get("direction").error("expected Left or Right");
        };
        Truncation.Strategy s = switch (strategy) {
            case "LongestFirst" -> Truncation.Strategy.LONGEST_FIRST;
            case "OnlyFirst" -> Truncation.Strategy.ONLY_FIRST;
            case "OnlySecond" -> Truncation.Strategy.ONLY_SECOND;
            default -> throw f.get("strategy").error("expected LongestFirst, OnlyFirst or OnlySecond");
        };
        return new Truncation(d, f.integer("max_length"), s, f.optInt("stride", 0));
    }

    static Padding readPadding(JsonField f) {
        JsonField strategy = f.require("strategy");
        Integer fixed;
        if (strategy.node().isTextual()) {
            if (!strategy.asString().equals("BatchLongest")) {
                throw strategy.error("expected \"BatchLongest\" or {\"Fixed\": n}");
            }
            fixed = null;
        } else {
            fixed = strategy.require("Fixed").asInt();
        }
        String direction = f.optString("direction", "Right");
        if (!direction.equals("Left") && !direction.equals("Right")) {
            throw f.get("direction").error("expected Left or Right");
        }
        JsonField multiple = f.get("pad_to_multiple_of");
        return new Padding(
                fixed,
                direction.equals("Left"),
                multiple.isNull() ? null : multiple.asInt(),
                f.optInt("pad_id", 0),
                f.optInt("pad_type_id", 0),
                f.optString("pad_token", "[PAD]"));
    }

    /** The tokenizer as a tokenizer.json document, in HF's field order. */
    public static ObjectNode write(Tokenizer t) {
        ObjectNode root = Json.object();
        root.put("version", "1.0");
        root.set(
                "truncation",
                t.truncation().<JsonNode>map(TokenizerJson::writeTruncation).orElse(NullNode.instance));
        root.set(
                "padding",
                t.padding().<JsonNode>map(TokenizerJson::writePadding).orElse(NullNode.instance));
        ArrayNode added = root.putArray("added_tokens");
        List<AddedToken> tokens = new ArrayList<>(t.addedTokens());
        tokens.sort((a, b) -> Integer.compare(a.id(), b.id()));
        for (AddedToken a : tokens) {
            ObjectNode n = added.addObject();
            n.put("id", a.id());
            n.put("content", a.content());
            n.put("single_word", a.singleWord());
            n.put("lstrip", a.lstrip());
            n.put("rstrip", a.rstrip());
            n.put("normalized", a.normalized());
            n.put("special", a.special());
        }
        root.set(
                "normalizer",
                t.normalizer().<JsonNode>map(NormalizerJson::write).orElse(NullNode.instance));
        root.set(
                "pre_tokenizer",
                t.preTokenizer().<JsonNode>map(PreTokenizerJson::write).orElse(NullNode.instance));
        root.set(
                "post_processor",
                t.postProcessor().<JsonNode>map(ProcessorJson::write).orElse(NullNode.instance));
        root.set("decoder", t.decoder().<JsonNode>map(DecoderJson::write).orElse(NullNode.instance));
        root.set("model", ModelJson.write(t.model()));
        return root;
    }

    private static ObjectNode writeTruncation(Truncation tr) {
        ObjectNode n = Json.object();
        n.put("direction", tr.direction() == Truncation.Direction.LEFT ? "Left" : "Right");
        n.put("max_length", tr.maxLength());
        n.put(
                "strategy",
                switch (tr.strategy()) {
                    case LONGEST_FIRST -> "LongestFirst";
                    case ONLY_FIRST -> "OnlyFirst";
                    case ONLY_SECOND -> "OnlySecond";
                });
        n.put("stride", tr.stride());
        return n;
    }

    private static ObjectNode writePadding(Padding p) {
        ObjectNode n = Json.object();
        if (p.fixedLength() == null) {
            n.put("strategy", "BatchLongest");
        } else {
            n.putObject("strategy").put("Fixed", p.fixedLength());
        }
        n.put("direction", p.left() ? "Left" : "Right");
        if (p.padToMultipleOf() == null) {
            n.putNull("pad_to_multiple_of");
        } else {
            n.put("pad_to_multiple_of", p.padToMultipleOf());
        }
        n.put("pad_id", p.padId());
        n.put("pad_type_id", p.padTypeId());
        n.put("pad_token", p.padToken());
        return n;
    }

    /** Writes {@code t} to {@code file} atomically (temp file in the same folder, then move). */
    public static void write(Tokenizer t, Path file) throws IOException {
        AtomicFiles.writeString(
                file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(write(t)));
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
