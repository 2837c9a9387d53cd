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
    private final String[] tokens;
    private final int unkId;
    private final boolean byteFallback;
    private final double minScore;
    private final DoubleArrayTrie trie;
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
        tokens = new String[n];
        double min = Double.POSITIVE_INFINITY;
        for (int id = 0; id < n; id++) {
            Piece p = this.pieces.get(id);
            ids.put(p.token(), id); // a repeated piece keeps its last id, as HF's map does
            scores[id] = p.score();
            tokens[id] = p.token();
            if (p.score() < min) {
                min = p.score();
            }
        }
        this.minScore = min;
        this.tokenToId = Collections.unmodifiableMap(ids);
        this.trie = new DoubleArrayTrie(ids);
        byteIds = new int[256];
        for (int b = 0; b < 256; b++) {
            Integer id = ids.get(Utf8.byteToken(b));
            byteIds[b] = id == null ? -1 : id;
        }
    }

    @Override
    public List<Token> tokenize(String piece) {
        int n = piece.length();
        if (n == 0) {
            return List.of();
        }
        // A huge piece gets a lattice of its own rather than leaving a huge one with the thread.
        Lattice lattice = n < 1 << 16 ? LATTICE.get() : new Lattice();
        lattice.best(piece, n, this);
        int[] ends = lattice.ends;
        int count = lattice.path(n, unkId);
        List<Token> out = new ArrayList<>(count);
        for (int k = count - 1; k >= 0; k--) {
            int end = ends[k];
            int start = lattice.from[end];
            int id = lattice.node[end];
            if (id != FUSED_UNKNOWN) {
                out.add(new Token(id, tokens[id], start, end));
                continue;
            }
            // A run of unknown characters: looked up again as a whole, as HF does.
            String s = piece.substring(start, end);
            Integer known = tokenToId.get(s);
            if (known != null) {
                out.add(new Token(known, s, start, end));
                continue;
            }
            if (byteFallback && addBytes(s, start, end, out)) {
                continue;
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

    /** Marks a fused run of unknown characters on the best path. */
    private static final int FUSED_UNKNOWN = -2;

    private static final ThreadLocal<Lattice> LATTICE = ThreadLocal.withInitial(Lattice::new);

    /**
     * The Viterbi lattice of one piece, in primitive arrays reused by one thread: for every end position the
     * best score of a path reaching it, where its last piece starts and which piece that is.
     */
    private static final class Lattice {
        double[] score = new double[64];
        int[] from = new int[64];
        int[] node = new int[64];
        int[] ends = new int[64];

        /** Fills the lattice for {@code piece[0, n)}. */
        void best(String piece, int n, Unigram model) {
            if (n + 1 > from.length) {
                int c = Math.max(n + 1, from.length * 2);
                score = new double[c];
                from = new int[c];
                node = new int[c];
                ends = new int[c];
            }
            double[] best = score;
            int[] from = this.from;
            int[] node = this.node;
            Arrays.fill(from, 0, n + 1, -1);
            best[0] = 0;
            DoubleArrayTrie trie = model.trie;
            double[] scores = model.scores;
            double unkScore = model.minScore - UNK_PENALTY;
            for (int start = 0; start < n; ) {
                char first = piece.charAt(start);
                int width = Character.isHighSurrogate(first)
                                && start + 1 < n
                                && Character.isLowSurrogate(piece.charAt(start + 1))
                        ? 2
                        : 1;
                double base = best[start];
                boolean single = false;
                int t = trie.child(DoubleArrayTrie.ROOT, first);
                for (int k = start; t >= 0; ) {
                    int id = trie.value(t);
                    k++;
                    if (id >= 0) {
                        double candidate = scores[id] + base;
                        if (from[k] < 0 || candidate > best[k]) {
                            best[k] = candidate;
                            from[k] = start;
                            node[k] = id;
                        }
                        single |= k - start == width;
                    }
                    if (k == n) {
                        break;
                    }
                    t = trie.child(t, piece.charAt(k));
                }
                if (!single) {
                    int end = start + width;
                    double candidate = unkScore + base;
                    if (from[end] < 0 || candidate > best[end]) {
                        if (model.unkId < 0) {
                            throw new IllegalStateException("Encountered an unknown token but `unk_id` is missing");
                        }
                        best[end] = candidate;
                        from[end] = start;
                        node[end] = model.unkId;
                    }
                }
                start += width;
            }
        }

        /**
         * Walks the best path back from {@code n}, fusing consecutive unknown pieces: leaves the end of every
         * token in {@code ends} (last token first) and returns how many there are. A fused run's last entry in
         * {@code node} becomes {@link #FUSED_UNKNOWN} and its {@code from} the run's start.
         */
        int path(int n, int unkId) {
            int count = 0;
            for (int end = n; end > 0; ) {
                int start = from[end];
                if (unkId >= 0 && node[end] == unkId) {
                    int runEnd = end;
                    while (start > 0 && node[start] == unkId) {
                        start = from[start];
                    }
                    from[runEnd] = start;
                    node[runEnd] = FUSED_UNKNOWN;
                    ends[count++] = runEnd;
                } else {
                    ends[count++] = end;
                }
                end = start;
            }
            return count;
        }
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
