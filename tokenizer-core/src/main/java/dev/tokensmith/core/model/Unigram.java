package dev.tokensmith.core.model;

import dev.tokensmith.core.text.Token;
import dev.tokensmith.core.text.Utf8;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Unigram language model segmentation (HF tokenizers' {@code Unigram} model, SentencePiece's unigram): the
 * Viterbi path maximising the sum of piece scores, as HF's {@code encode_optimized} computes it. A character
 * no piece starts with costs the lowest score minus 10; consecutive such characters (and the unknown piece
 * itself) are fused into one token, whose string is looked up again: a vocabulary token if it is one, else its
 * {@code <0xXX>} bytes with {@code byte_fallback}, else {@code unk_id}.
 *
 * <p>Ties between paths go to the one found first (shorter pieces from earlier positions), as in HF.
 */
public final class Unigram implements Model {
    /** HF's {@code K_UNK_PENALTY}: how much worse than the worst piece an unknown character scores. */
    static final double UNK_PENALTY = 10.0;

    /** A vocabulary entry: the piece and its score (a log probability). */
    public record Piece(String token, double score) {
        public Piece {
            Objects.requireNonNull(token, "token");
        }
    }

    private final List<Piece> pieces;
    private final Map<String, Integer> tokenToId;
    private final double[] scores;
    private final int unkId;
    private final boolean byteFallback;
    private final double minScore;
    private final CharTrie trie;
    private final int[] byteIds;

    /**
     * A model with {@code pieces} (id = position), the unknown piece at {@code unkId} (-1 for none) and byte
     * fallback on or off. Fails as HF does when {@code unkId} is given but the vocabulary is empty or shorter.
     */
    public Unigram(List<Piece> pieces, int unkId, boolean byteFallback) {
        this.pieces = List.copyOf(pieces);
        if (unkId < -1) {
            throw new IllegalArgumentException("unk_id must not be negative");
        }
        if (unkId >= 0) {
            if (this.pieces.isEmpty()) {
                throw new IllegalArgumentException("The vocabulary is empty but at least <unk> is needed");
            }
            if (unkId >= this.pieces.size()) {
                throw new IllegalArgumentException("The `unk_id` is larger than vocabulary size");
            }
        }
        this.unkId = unkId;
        this.byteFallback = byteFallback;
        int n = this.pieces.size();
        Map<String, Integer> ids = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
        scores = new double[n];
        double min = Double.POSITIVE_INFINITY;
        long chars = 0;
        for (int id = 0; id < n; id++) {
            Piece p = this.pieces.get(id);
            ids.put(p.token(), id); // a repeated piece keeps its last id, as HF's map does
            scores[id] = p.score();
            if (p.score() < min) {
                min = p.score();
            }
            chars += p.token().length();
        }
        this.minScore = min;
        this.tokenToId = Collections.unmodifiableMap(ids);
        this.trie = new CharTrie((int) Math.min(Integer.MAX_VALUE / 4, chars + 1));
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            trie.put(e.getKey(), e.getValue());
        }
        byteIds = new int[256];
        for (int b = 0; b < 256; b++) {
            Integer id = ids.get(Utf8.byteToken(b));
            byteIds[b] = id == null ? -1 : id;
        }
    }

    @Override
    public List<Token> tokenize(String piece) {
        if (piece.isEmpty()) {
            return List.of();
        }
        int[] bounds = segment(piece);
        List<Token> out = new ArrayList<>(bounds.length / 2);
        for (int k = bounds.length - 2; k >= 0; k -= 2) {
            int start = bounds[k];
            int end = bounds[k + 1];
            String s = piece.substring(start, end);
            Integer id = tokenToId.get(s);
            if (id != null) {
                out.add(new Token(id, s, start, end));
                continue;
            }
            if (byteFallback && addBytes(s, start, end, out)) {
                continue;
            }
            if (unkId < 0) {
                throw new IllegalStateException("Encountered an unknown token but `unk_id` is missing");
            }
            out.add(new Token(unkId, s, start, end));
        }
        return out;
    }

    private boolean addBytes(String s, int start, int end, List<Token> out) {
        byte[] bytes = Utf8.bytes(s);
        for (byte b : bytes) {
            if (byteIds[b & 0xFF] < 0) {
                return false;
            }
        }
        for (byte b : bytes) {
            out.add(new Token(byteIds[b & 0xFF], Utf8.byteToken(b), start, end));
        }
        return true;
    }

    /** The best path's pieces as (start, end) pairs, last piece first, unknown runs fused. */
    private int[] segment(String piece) {
        int n = piece.length();
        double unkScore = minScore - UNK_PENALTY;
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        int[] node = new int[n + 1];
        Arrays.fill(from, -1);
        for (int start = 0; start < n; ) {
            int width = Character.charCount(piece.codePointAt(start));
            double base = best[start];
            boolean single = false;
            int t = CharTrie.ROOT;
            for (int k = start; k < n; k++) {
                t = trie.child(t, piece.charAt(k));
                if (t < 0) {
                    break;
                }
                int id = trie.value(t);
                if (id >= 0) {
                    int end = k + 1;
                    double candidate = scores[id] + base;
                    if (from[end] < 0 || candidate > best[end]) {
                        best[end] = candidate;
                        from[end] = start;
                        node[end] = id;
                    }
                    single |= end - start == width;
                }
            }
            if (!single) {
                int end = start + width;
                double candidate = unkScore + base;
                if (from[end] < 0 || candidate > best[end]) {
                    if (unkId < 0) {
                        throw new IllegalStateException("Encountered an unknown token but `unk_id` is missing");
                    }
                    best[end] = candidate;
                    from[end] = start;
                    node[end] = unkId;
                }
            }
            start += width;
        }
        int[] bounds = new int[8];
        int count = 0;
        int runEnd = -1;
        int runStart = -1;
        for (int end = n; end > 0; ) {
            int start = from[end];
            if (unkId >= 0 && node[end] == unkId) {
                if (runEnd < 0) {
                    runEnd = end;
                }
                runStart = start;
            } else {
                if (runEnd >= 0) {
                    bounds = add(bounds, count, runStart, runEnd);
                    count += 2;
                    runEnd = -1;
                }
                bounds = add(bounds, count, start, end);
                count += 2;
            }
            end = start;
        }
        if (runEnd >= 0) {
            bounds = add(bounds, count, runStart, runEnd);
            count += 2;
        }
        return Arrays.copyOf(bounds, count);
    }

    private static int[] add(int[] bounds, int count, int start, int end) {
        if (count + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[count] = start;
        bounds[count + 1] = end;
        return bounds;
    }

    @Override
    public int tokenToId(String token) {
        Integer id = tokenToId.get(token);
        return id == null ? -1 : id;
    }

    @Override
    public String idToToken(int id) {
        return id >= 0 && id < pieces.size() ? pieces.get(id).token() : null;
    }

    @Override
    public int vocabSize() {
        return pieces.size();
    }

    @Override
    public Map<String, Integer> vocab() {
        return tokenToId;
    }

    /** The pieces with their scores, by id. */
    public List<Piece> pieces() {
        return pieces;
    }

    /** The id of the unknown piece, or -1. */
    public int unkId() {
        return unkId;
    }

    public boolean byteFallback() {
        return byteFallback;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unigram u && pieces.equals(u.pieces) && unkId == u.unkId && byteFallback == u.byteFallback;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pieces, unkId, byteFallback);
    }

    @Override
    public String toString() {
        return "Unigram[vocab=" + pieces.size() + ", unkId=" + unkId + ", byteFallback=" + byteFallback + "]";
    }
}
