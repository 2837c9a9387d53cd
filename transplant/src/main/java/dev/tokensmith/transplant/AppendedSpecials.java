package dev.tokensmith.transplant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.AddedToken;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.math.FloatMatrix;
import dev.tokensmith.transplant.align.SpecialRole;
import dev.tokensmith.transplant.align.SpecialTokens;
import dev.tokensmith.transplant.align.VocabAlignment;
import dev.tokensmith.transplant.method.Table;
import dev.tokensmith.transplant.method.TransplantProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The base model's special tokens that the new tokenizer lacks, kept: each is appended to the new tokenizer as an
 * added special token at the next free id, and its row is copied from the base (input embeddings and output head).
 * A base special token is an added token marked special or a token playing a role ({@link SpecialTokens}); it has
 * a counterpart when a special token of the new tokenizer was matched to it by role or by text ({@link
 * VocabAlignment.Match#ROLE}, {@link VocabAlignment.Match#TEXT}) or when the new tokenizer already has a token with
 * its text. A stand-in match ({@code <|endoftext|>} taking {@code [SEP]}'s row) leaves {@code [SEP]} without a
 * counterpart: it keeps a row of its own. WordPiece's unused placeholders ({@code [unused0]}) are not kept.
 *
 * <pre>{@code
 * AppendedSpecials kept = AppendedSpecials.of(VocabAlignment.between(baseTokenizer, newTokenizer));
 * TransplantResult full = kept.appendRows(Transplant.run(problem, method, context), problem);
 * byte[] tokenizerJson = kept.tokenizerJson(newTokenizerFile);
 * }</pre>
 *
 * @param tokens the appended tokens, in base id order, at consecutive new ids
 */
public record AppendedSpecials(List<Token> tokens) {
    /**
     * One appended token.
     *
     * @param content its text
     * @param baseId its id in the base tokenizer (the row copied)
     * @param newId its id in the new tokenizer
     * @param roles the roles it plays in the base
     */
    public record Token(String content, int baseId, int newId, Set<SpecialRole> roles) {
        public Token {
            roles = Set.copyOf(roles);
        }
    }

    public AppendedSpecials {
        tokens = List.copyOf(tokens);
    }

    /** Nothing appended (the opt-out). */
    public static AppendedSpecials none() {
        return new AppendedSpecials(List.of());
    }

    /**
     * The base's special tokens without a counterpart in the new tokenizer, at the ids the new tokenizer gives
     * them when they are added after its own tokens.
     *
     * @throws TransplantInputException when the new tokenizer would not give them the ids after its last one
     */
    public static AppendedSpecials of(VocabAlignment a) {
        Tokenizer base = a.from().tokenizer();
        Tokenizer target = a.to().tokenizer();
        Set<Integer> matched = new HashSet<>();
        for (VocabAlignment.SpecialRow r : a.specialRows()) {
            if (r.match() == VocabAlignment.Match.ROLE || r.match() == VocabAlignment.Match.TEXT) {
                matched.add(r.sourceId());
            }
        }
        SortedMap<Integer, String> candidates = new TreeMap<>();
        for (AddedToken t : base.addedTokens()) {
            if (t.special()) {
                candidates.put(base.tokenToId(t.content()), t.content());
            }
        }
        SpecialTokens specials = a.from().specials();
        for (SpecialTokens.RoleToken r : specials.roles().values()) {
            candidates.put(r.id(), r.token());
        }
        List<Token> out = new ArrayList<>();
        int next = a.to().idLimit();
        for (Map.Entry<Integer, String> c : candidates.entrySet()) {
            if (matched.contains(c.getKey()) || target.tokenToId(c.getValue()) >= 0) {
                continue;
            }
            out.add(new Token(c.getValue(), c.getKey(), next++, specials.rolesOf(c.getKey())));
        }
        AppendedSpecials kept = new AppendedSpecials(out);
        Tokenizer extended = kept.addTo(target);
        for (Token t : out) {
            if (extended.tokenToId(t.content()) != t.newId()) {
                throw new TransplantInputException("the new tokenizer would give the appended special token "
                        + t.content() + " id " + extended.tokenToId(t.content()) + ", not " + t.newId()
                        + " after its last id; its ids have gaps (keep none with --no-keep-specials)");
            }
        }
        return kept;
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The new id of base token {@code baseId} when it was appended. */
    public OptionalInt newIdOf(int baseId) {
        for (Token t : tokens) {
            if (t.baseId() == baseId) {
                return OptionalInt.of(t.newId());
            }
        }
        return OptionalInt.empty();
    }

    /** {@code tokenizer} with the tokens added as special tokens (not normalized, no stripping). */
    public Tokenizer addTo(Tokenizer tokenizer) {
        Tokenizer.Builder b = tokenizer.toBuilder();
        for (Token t : tokens) {
            b.addedToken(AddedToken.special(t.newId(), t.content()));
        }
        return b.build();
    }

    /**
     * The result's tables with one row more per appended token, copied from the base's table (the output head
     * from the base's head, or its input embeddings when tied, as {@link TransplantProblem#base} gives them).
     */
    public TransplantResult appendRows(TransplantResult r, TransplantProblem p) {
        if (tokens.isEmpty()) {
            return r;
        }
        return new TransplantResult(
                appendRows(r.inputEmbeddings(), p.base(Table.INPUT)),
                r.outputHead().map(h -> appendRows(h, p.base(Table.HEAD))),
                r.report());
    }

    private FloatMatrix appendRows(FloatMatrix table, FloatMatrix base) {
        int first = tokens.getFirst().newId();
        if (table.rows() != first) {
            throw new IllegalStateException(
                    "the new table has " + table.rows() + " rows; appended specials start at " + first);
        }
        int cols = table.cols();
        float[] data = new float[(table.rows() + tokens.size()) * cols];
        table.copyBlock(0, table.rows(), 0, cols, data, 0);
        for (Token t : tokens) {
            base.copyBlock(t.baseId(), 1, 0, cols, data, t.newId() * cols);
        }
        return FloatMatrix.of(table.rows() + tokens.size(), cols, data);
    }

    /**
     * The new tokenizer.json with the tokens appended to its {@code added_tokens}; the file's bytes unchanged when
     * nothing is appended.
     */
    public byte[] tokenizerJson(Path newTokenizer) {
        try {
            byte[] bytes = Files.readAllBytes(newTokenizer);
            if (tokens.isEmpty()) {
                return bytes;
            }
            JsonNode root = Json.MAPPER.readTree(bytes);
            if (!(root instanceof ObjectNode obj)) {
                throw new TransplantInputException(newTokenizer + ": not a tokenizer.json object");
            }
            ArrayNode added = obj.get("added_tokens") instanceof ArrayNode a ? a : obj.putArray("added_tokens");
            for (Token t : tokens) {
                ObjectNode e = added.addObject();
                e.put("id", t.newId());
                e.put("content", t.content());
                e.put("single_word", false);
                e.put("lstrip", false);
                e.put("rstrip", false);
                e.put("normalized", false);
                e.put("special", true);
            }
            return (Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(obj) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + newTokenizer + ": " + e.getMessage(), e);
        }
    }

    /** For the quality report: one object per token ({@code content}, {@code baseId}, {@code newId}, roles). */
    public ArrayNode toJson() {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Token t : tokens) {
            ObjectNode e = out.addObject();
            e.put("content", t.content());
            e.put("baseId", t.baseId());
            e.put("newId", t.newId());
            ArrayNode roles = e.putArray("roles");
            t.roles().stream().sorted().forEach(r -> roles.add(r.label()));
        }
        return out;
    }

    private static final int TEXT_LISTED = 20;

    /** One line (the first {@value #TEXT_LISTED} tokens): {@code appended 2 special tokens the new tokenizer lacked: [PAD] → 7, [MASK] → 8}. */
    public String toText() {
        if (tokens.isEmpty()) {
            return "appended no special tokens";
        }
        String listed = tokens.stream()
                .limit(TEXT_LISTED)
                .map(t -> t.content() + " → " + t.newId())
                .collect(Collectors.joining(", "));
        return "appended " + tokens.size() + " special token" + (tokens.size() == 1 ? "" : "s")
                + " the new tokenizer lacked (rows copied from the base): " + listed
                + (tokens.size() > TEXT_LISTED ? ", … (" + (tokens.size() - TEXT_LISTED) + " more)" : "");
    }
}
