package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.TokenizerFormatException;
import dev.tokensmith.core.model.Bpe;
import dev.tokensmith.core.model.Model;
import dev.tokensmith.core.model.Unigram;
import dev.tokensmith.core.model.WordLevel;
import dev.tokensmith.core.model.WordPiece;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the {@code "model"} object of a tokenizer.json as HF tokenizers does: the four model types,
 * their fields, defaults and legacy forms (merges as {@code "a b"} strings; a model object without {@code
 * "type"}, whose type HF infers by trying BPE, WordPiece, WordLevel and Unigram in that order).
 */
public final class ModelJson {
    /** The model types, in the order HF tries them on an object without {@code "type"}. */
    public static final List<String> TYPES = List.of("BPE", "WordPiece", "WordLevel", "Unigram");

    private static final long U32_MAX = 0xFFFFFFFFL;

    private ModelJson() {}

    /** The model {@code f} describes. */
    public static Model read(JsonField f) {
        if (f.node() == null || !f.node().isObject()) {
            throw f.error("expected a model object, found "
                    + (f.isNull() ? "nothing" : f.node().getNodeType()));
        }
        JsonNode type = f.node().get("type");
        if (type != null && type.isTextual()) {
            return switch (type.textValue()) {
                case "BPE" -> readBpe(f);
                case "WordPiece" -> readWordPiece(f);
                case "WordLevel" -> readWordLevel(f);
                case "Unigram" -> readUnigram(f);
                default -> throw f.unknownType(type.textValue(), TYPES);
            };
        }
        if (type != null) {
            throw f.get("type").error("expected a string, found " + type.getNodeType());
        }
        // No "type": HF deserializes as the first model type whose reader accepts the object.
        TokenizerFormatException first = null;
        for (String t : TYPES) {
            try {
                return switch (t) {
                    case "BPE" -> readBpe(f);
                    case "WordPiece" -> readWordPiece(f);
                    case "WordLevel" -> readWordLevel(f);
                    default -> readUnigram(f);
                };
            } catch (TokenizerFormatException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw new TokenizerFormatException(
                null,
                f.path(),
                "model without \"type\" matches none of " + String.join(", ", TYPES) + " (as BPE: " + first.getMessage()
                        + ")",
                first);
    }

    /** The JSON HF writes for {@code model}. */
    public static ObjectNode write(Model model) {
        return switch (model) {
            case Bpe b -> writeBpe(b);
            case WordPiece w -> writeWordPiece(w);
            case WordLevel w -> writeWordLevel(w);
            case Unigram u -> writeUnigram(u);
        };
    }

    // ---- BPE

    private static Bpe readBpe(JsonField f) {
        checkType(f, "BPE");
        if (!f.has("vocab") || !f.has("merges")) {
            throw f.error("Missing vocab/merges");
        }
        Map<String, Integer> vocab = readVocab(f.get("vocab"));
        JsonField mergesField = f.get("merges");
        List<Bpe.Merge> merges = new ArrayList<>();
        int[] jsonIndex = readMerges(mergesField, merges);
        Bpe.Builder b = Bpe.builder(vocab, merges)
                .dropout(optFloat(f, "dropout"))
                .unkToken(optString(f, "unk_token"))
                .continuingSubwordPrefix(optString(f, "continuing_subword_prefix"))
                .endOfWordSuffix(optString(f, "end_of_word_suffix"))
                .fuseUnk(f.optBoolean("fuse_unk", false))
                .byteFallback(f.optBoolean("byte_fallback", false))
                .ignoreMerges(f.optBoolean("ignore_merges", false));
        try {
            return b.build();
        } catch (Bpe.InvalidMergeException e) {
            throw mergesField.at(jsonIndex[e.index()]).error(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw f.get("dropout").error(e.getMessage());
        }
    }

    /**
     * Fills {@code out} from either form HF accepts: {@code [["a","b"], ...]} or {@code ["a b", ...]} (where
     * lines starting with {@code #version} are skipped, as in a merges.txt). Returns each merge's index in the
     * JSON array.
     */
    private static int[] readMerges(JsonField f, List<Bpe.Merge> out) {
        JsonNode array = f.node();
        if (!array.isArray()) {
            f.elements(); // throws, naming what was found
        }
        int n = array.size();
        int[] index = new int[n];
        boolean pairs = true;
        boolean strings = true;
        for (JsonNode e : array) {
            pairs &= e.isArray();
            strings &= e.isTextual();
        }
        if (!pairs && !strings) {
            throw f.error("expected merges as [\"left\", \"right\"] pairs or as \"left right\" strings");
        }
        for (int i = 0; i < n; i++) {
            JsonNode e = array.get(i);
            if (pairs) {
                if (e.size() != 2 || !e.get(0).isTextual() || !e.get(1).isTextual()) {
                    throw f.at(i).error("expected a [\"left\", \"right\"] pair of strings");
                }
                index[out.size()] = i;
                out.add(new Bpe.Merge(e.get(0).textValue(), e.get(1).textValue()));
            } else {
                String line = e.textValue();
                if (line.startsWith("#version")) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
                    throw f.at(i).error("Merges text file invalid at line " + (out.size() + 1));
                }
                index[out.size()] = i;
                out.add(new Bpe.Merge(line.substring(0, space), line.substring(space + 1)));
            }
        }
        return Arrays.copyOf(index, out.size());
    }

    private static ObjectNode writeBpe(Bpe b) {
        ObjectNode n = Json.typed("BPE");
        if (b.dropout() == null) {
            n.putNull("dropout");
        } else {
            n.put("dropout", b.dropout());
        }
        n.put("unk_token", b.unkToken());
        n.put("continuing_subword_prefix", b.continuingSubwordPrefix());
        n.put("end_of_word_suffix", b.endOfWordSuffix());
        n.put("fuse_unk", b.fuseUnk());
        n.put("byte_fallback", b.byteFallback());
        n.put("ignore_merges", b.ignoreMerges());
        n.set("vocab", writeVocab(b));
        ArrayNode merges = n.putArray("merges");
        for (Bpe.Merge m : b.merges()) {
            merges.addArray().add(m.left()).add(m.right());
        }
        return n;
    }

    // ---- WordPiece

    private static WordPiece readWordPiece(JsonField f) {
        checkType(f, "WordPiece");
        String unk = f.string("unk_token");
        String prefix = f.string("continuing_subword_prefix");
        JsonField max = f.require("max_input_chars_per_word");
        long maxChars = max.asLong();
        if (maxChars < 0) {
            throw max.error("expected a non-negative integer, found " + maxChars);
        }
        return new WordPiece(readVocab(f.require("vocab")), unk, prefix, maxChars);
    }

    private static ObjectNode writeWordPiece(WordPiece w) {
        ObjectNode n = Json.typed("WordPiece");
        n.put("unk_token", w.unkToken());
        n.put("continuing_subword_prefix", w.continuingSubwordPrefix());
        n.put("max_input_chars_per_word", w.maxInputCharsPerWord());
        n.set("vocab", writeVocab(w));
        return n;
    }

    // ---- WordLevel

    private static WordLevel readWordLevel(JsonField f) {
        checkType(f, "WordLevel");
        Map<String, Integer> vocab = readVocab(f.require("vocab"));
        return new WordLevel(vocab, f.string("unk_token"));
    }

    private static ObjectNode writeWordLevel(WordLevel w) {
        ObjectNode n = Json.typed("WordLevel");
        n.set("vocab", writeVocab(w));
        n.put("unk_token", w.unkToken());
        return n;
    }

    // ---- Unigram

    private static Unigram readUnigram(JsonField f) {
        checkType(f, "Unigram");
        if (!f.has("vocab")) {
            throw f.error("Missing vocab");
        }
        List<Unigram.Piece> pieces = new ArrayList<>();
        for (JsonField e : f.get("vocab").elements()) {
            if (!e.node().isArray() || e.node().size() != 2) {
                throw e.error("expected a [piece, score] pair");
            }
            pieces.add(new Unigram.Piece(e.at(0).asString(), e.at(1).asDouble()));
        }
        int unkId = -1;
        JsonField unk = f.get("unk_id");
        if (!unk.isNull()) {
            long id = unk.asLong();
            if (id < 0 || id > Integer.MAX_VALUE) {
                throw unk.error("expected a non-negative integer, found " + id);
            }
            unkId = (int) id;
        }
        // Unlike the other options, HF does not accept null here.
        boolean byteFallback =
                f.node().has("byte_fallback") && f.get("byte_fallback").asBoolean();
        try {
            return new Unigram(pieces, unkId, byteFallback);
        } catch (IllegalArgumentException e) {
            throw f.error("Unable to load vocab: " + e.getMessage());
        }
    }

    private static ObjectNode writeUnigram(Unigram u) {
        ObjectNode n = Json.typed("Unigram");
        if (u.unkId() < 0) {
            n.putNull("unk_id");
        } else {
            n.put("unk_id", u.unkId());
        }
        ArrayNode vocab = n.putArray("vocab");
        for (Unigram.Piece p : u.pieces()) {
            vocab.addArray().add(p.token()).add(p.score());
        }
        n.put("byte_fallback", u.byteFallback());
        return n;
    }

    // ---- shared

    private static void checkType(JsonField f, String expected) {
        if (f.node().has("type")) {
            String type = f.get("type").asString();
            if (!type.equals(expected)) {
                throw f.get("type").error("invalid value: string \"" + type + "\", expected " + expected);
            }
        }
    }

    /** A token to id object; ids are u32 in HF (ours must also fit an int). */
    private static Map<String, Integer> readVocab(JsonField f) {
        JsonNode object = f.node();
        if (object == null || !object.isObject()) {
            f.entries(); // throws, naming what was found
        }
        Map<String, Integer> vocab = new LinkedHashMap<>(Math.max(16, object.size() * 4 / 3 + 1));
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            JsonNode value = e.getValue();
            if (!value.isIntegralNumber()
                    || !value.canConvertToLong()
                    || value.longValue() < 0
                    || value.longValue() > U32_MAX) {
                throw f.get(e.getKey()).error("expected an id between 0 and " + U32_MAX + ", found " + value);
            }
            if (value.longValue() > Integer.MAX_VALUE) {
                throw f.get(e.getKey()).error("ids above " + Integer.MAX_VALUE + " are not supported, found " + value);
            }
            vocab.put(e.getKey(), value.intValue());
        }
        return vocab;
    }

    /** The vocabulary by increasing id, one token per id (the reverse vocabulary HF writes). */
    private static ObjectNode writeVocab(Model m) {
        int[] ids = m.vocab().values().stream()
                .mapToInt(Integer::intValue)
                .distinct()
                .sorted()
                .toArray();
        ObjectNode n = Json.object();
        for (int id : ids) {
            n.put(m.idToToken(id), id);
        }
        return n;
    }

    private static String optString(JsonField f, String name) {
        JsonField v = f.get(name);
        return v.isNull() ? null : v.asString();
    }

    private static Float optFloat(JsonField f, String name) {
        JsonField v = f.get(name);
        return v.isNull() ? null : (float) v.asDouble();
    }
}
