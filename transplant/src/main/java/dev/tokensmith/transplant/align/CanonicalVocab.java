package dev.tokensmith.transplant.align;

import dev.tokensmith.core.AddedToken;
import dev.tokensmith.core.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tokenizer's vocabulary in canonical bytes ({@link TokenSpelling}): for every id, the token, the bytes it
 * stands for in running text and where it comes from; and for every byte string, the one token that has it.
 * Special tokens are kept apart ({@link SpecialTokens}): they match by role, not by bytes.
 *
 * <p>Where several tokens of one vocabulary have the same bytes (Llama 2's {@code "A"} and its byte-fallback
 * {@code <0x41>}), the primary one stands for them: a model or added token before a byte-fallback token, then the
 * lower id.
 *
 * <pre>{@code
 * CanonicalVocab v = CanonicalVocab.of(Tokenizers.load("cl100k_base"));
 * int id = v.primaryId(" the".getBytes(StandardCharsets.UTF_8));
 * }</pre>
 */
public final class CanonicalVocab {
    /** Where a token comes from. */
    public enum Origin {
        /** A token of the model's vocabulary. */
        MODEL,
        /** A byte-fallback token {@code <0xXX>}. */
        BYTE_FALLBACK,
        /** An added token that is not special: matched on its content. */
        ADDED,
        /** A special token: matched by role or by its exact text, never by bytes. */
        SPECIAL
    }

    private final Tokenizer tokenizer;
    private final TokenSpelling spelling;
    private final SpecialTokens specials;
    private final String[] tokens;
    private final byte[][] bytes;
    private final Origin[] origins;
    private final Map<String, Integer> primary;

    private CanonicalVocab(
            Tokenizer tokenizer,
            TokenSpelling spelling,
            SpecialTokens specials,
            String[] tokens,
            byte[][] bytes,
            Origin[] origins,
            Map<String, Integer> primary) {
        this.tokenizer = tokenizer;
        this.spelling = spelling;
        this.specials = specials;
        this.tokens = tokens;
        this.bytes = bytes;
        this.origins = origins;
        this.primary = primary;
    }

    /** The canonical vocabulary of {@code tokenizer}, with special roles as detected. */
    public static CanonicalVocab of(Tokenizer tokenizer) {
        return of(tokenizer, Map.of());
    }

    /** The same, with the roles of {@code overrides} (role to token text) set first. */
    public static CanonicalVocab of(Tokenizer tokenizer, Map<SpecialRole, String> overrides) {
        Objects.requireNonNull(tokenizer, "tokenizer");
        // Probes encode whole texts: the truncation and padding a file may declare would cut and fill them.
        tokenizer = tokenizer.withoutTruncationOrPadding();
        TokenSpelling spelling = TokenSpelling.of(tokenizer);
        SpecialTokens specials = SpecialTokens.detect(tokenizer, overrides);
        Map<String, Integer> modelVocab = tokenizer.model().vocab();
        int limit = 0;
        for (int id : modelVocab.values()) {
            limit = Math.max(limit, id + 1);
        }
        Map<String, AddedToken> added = new HashMap<>();
        for (AddedToken a : tokenizer.addedTokens()) {
            int id = tokenizer.tokenToId(a.content());
            limit = Math.max(limit, id + 1);
            added.put(a.content(), a);
        }
        String[] tokens = new String[limit];
        byte[][] bytes = new byte[limit][];
        Origin[] origins = new Origin[limit];
        for (int id = 0; id < limit; id++) {
            String token = tokenizer.idToToken(id);
            if (token == null) {
                continue;
            }
            tokens[id] = token;
            if (specials.isSpecial(id)) {
                origins[id] = Origin.SPECIAL;
                bytes[id] = token.getBytes(StandardCharsets.UTF_8);
            } else if (added.containsKey(token) && tokenizer.model().tokenToId(token) != id) {
                origins[id] = Origin.ADDED;
                bytes[id] = token.getBytes(StandardCharsets.UTF_8);
            } else {
                origins[id] = spelling.isByteFallback(token) ? Origin.BYTE_FALLBACK : Origin.MODEL;
                bytes[id] = spelling.canonicalBytes(token);
            }
        }
        Map<String, Integer> primary = new HashMap<>(limit * 4 / 3 + 16);
        for (int id = 0; id < limit; id++) {
            if (origins[id] == null || origins[id] == Origin.SPECIAL) {
                continue;
            }
            final int candidate = id;
            primary.merge(key(bytes[id]), id, (old, now) -> prefer(origins, old, candidate) ? old : now);
        }
        return new CanonicalVocab(tokenizer, spelling, specials, tokens, bytes, origins, primary);
    }

    private static boolean prefer(Origin[] origins, int old, int now) {
        boolean oldFallback = origins[old] == Origin.BYTE_FALLBACK;
        boolean nowFallback = origins[now] == Origin.BYTE_FALLBACK;
        return oldFallback == nowFallback ? old < now : !oldFallback;
    }

    /** The map key of a byte string: one char per byte (Latin-1), hashable and cheap. */
    static String key(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public TokenSpelling spelling() {
        return spelling;
    }

    public SpecialTokens specials() {
        return specials;
    }

    /** One more than the highest id; ids below may be holes ({@link #has}). */
    public int idLimit() {
        return tokens.length;
    }

    public boolean has(int id) {
        return id >= 0 && id < tokens.length && tokens[id] != null;
    }

    /** The token text of {@code id} as the tokenizer spells it, or null. */
    public String token(int id) {
        return has(id) ? tokens[id] : null;
    }

    /** The canonical bytes of {@code id} (special tokens: their text's UTF-8), or null when there is no such id. */
    public byte[] bytes(int id) {
        return has(id) ? bytes[id].clone() : null;
    }

    /** The canonical bytes without a copy, for this package's loops. */
    byte[] bytesUnsafe(int id) {
        return bytes[id];
    }

    public Origin origin(int id) {
        return has(id) ? origins[id] : null;
    }

    public boolean isSpecial(int id) {
        return has(id) && origins[id] == Origin.SPECIAL;
    }

    /** The primary non-special token with canonical bytes {@code canonical}, or -1. */
    public int primaryId(byte[] canonical) {
        Integer id = primary.get(key(canonical));
        return id == null ? -1 : id;
    }

    int primaryId(String key) {
        Integer id = primary.get(key);
        return id == null ? -1 : id;
    }

    /** Whether {@code id} is the primary token of its bytes (false for specials and for shadowed duplicates). */
    public boolean isPrimary(int id) {
        return has(id) && !isSpecial(id) && primaryId(key(bytes[id])) == id;
    }

    /** The number of ids that hold a token. */
    public int size() {
        return (int) Arrays.stream(tokens).filter(Objects::nonNull).count();
    }
}
