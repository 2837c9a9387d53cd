package dev.tokensmith.core.model;

import dev.tokensmith.core.text.LongIntMap;
import dev.tokensmith.core.text.Token;
import dev.tokensmith.core.text.Utf8;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Byte-pair encoding (HF tokenizers' {@code BPE} model): a piece starts as one symbol per character and the
 * ranked merges are applied lowest rank first, leftmost first among equals.
 *
 * <p>Options as in HF: {@code unk_token} for characters outside the vocabulary (consecutive ones fused into one
 * with {@code fuse_unk}; dropped when there is no unknown token), {@code byte_fallback} ({@code <0xE2>}-style
 * tokens for the UTF-8 bytes of an unknown character, when all are in the vocabulary), {@code
 * continuing_subword_prefix} and {@code end_of_word_suffix} on the characters after the first and on the last,
 * {@code ignore_merges} (a piece that is itself in the vocabulary is one token) and BPE-dropout. With dropout
 * each merge candidate is skipped with that probability: drawn from a thread-local generator, or, after {@link
 * #withDropoutSeed}, from one seeded generator shared by all calls (reproducible for a given sequence of calls).
 *
 * <p>Token ranges are derived exactly as HF derives them (by summing the UTF-8 lengths of the symbols), then
 * widened to whole characters of the piece: byte-fallback tokens of one character all cover that character.
 */
public final class Bpe implements Model {
    /** A merge rule: the pair of tokens {@code left right}. */
    public record Merge(String left, String right) {
        public Merge {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** A merge that cannot be resolved against the vocabulary; {@link #index()} is its position in the list. */
    public static final class InvalidMergeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;

        InvalidMergeException(int index, String message) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private final Vocabulary vocab;
    private final int[] mergeLeft; // by rank (= index in the given merge list)
    private final int[] mergeRight;
    private final int[] mergeNewId; // -1 where a later duplicate of the pair replaced the rule (as HF's map does)
    private final LongIntMap mergeRanks; // pair key -> rank
    private final Float dropout;
    private final String unkToken;
    private final String continuingSubwordPrefix;
    private final String endOfWordSuffix;
    private final boolean fuseUnk;
    private final boolean byteFallback;
    private final boolean ignoreMerges;
    private final int unkId;
    private final LongIntMap charIds; // code point -> id of the one-character token
    private final LongIntMap prefixedCharIds; // code point -> id of prefix + character
    private final int[] byteIds; // byte -> id of its <0xXX> token, or -1
    private final RandomGenerator seeded; // null: thread-local randomness
    private volatile Optional<ByteLevelBpe> byteLevel; // built on first use

    private Bpe(Builder b, Vocabulary vocab, int[] left, int[] right, int[] newId, LongIntMap ranks) {
        this.vocab = vocab;
        this.mergeLeft = left;
        this.mergeRight = right;
        this.mergeNewId = newId;
        this.mergeRanks = ranks;
        this.dropout = b.dropout;
        this.unkToken = b.unkToken;
        this.continuingSubwordPrefix = b.continuingSubwordPrefix;
        this.endOfWordSuffix = b.endOfWordSuffix;
        this.fuseUnk = b.fuseUnk;
        this.byteFallback = b.byteFallback;
        this.ignoreMerges = b.ignoreMerges;
        this.unkId = unkToken == null ? -1 : vocab.id(unkToken);
        this.charIds = new LongIntMap(256);
        this.prefixedCharIds =
                continuingSubwordPrefix == null || continuingSubwordPrefix.isEmpty() ? charIds : new LongIntMap(256);
        for (Map.Entry<String, Integer> e : vocab.map().entrySet()) {
            String t = e.getKey();
            if (!t.isEmpty() && t.codePointCount(0, t.length()) == 1) {
                charIds.put(t.codePointAt(0), e.getValue(), -1);
            }
            if (prefixedCharIds != charIds && t.startsWith(continuingSubwordPrefix)) {
                int p = continuingSubwordPrefix.length();
                if (t.length() > p && t.codePointCount(p, t.length()) == 1) {
                    prefixedCharIds.put(t.codePointAt(p), e.getValue(), -1);
                }
            }
        }
        this.byteIds = new int[256];
        for (int i = 0; i < 256; i++) {
            byteIds[i] = vocab.id(Utf8.byteToken(i));
        }
        this.seeded = null;
    }

    private Bpe(Bpe base, RandomGenerator seeded) {
        this.vocab = base.vocab;
        this.mergeLeft = base.mergeLeft;
        this.mergeRight = base.mergeRight;
        this.mergeNewId = base.mergeNewId;
        this.mergeRanks = base.mergeRanks;
        this.dropout = base.dropout;
        this.unkToken = base.unkToken;
        this.continuingSubwordPrefix = base.continuingSubwordPrefix;
        this.endOfWordSuffix = base.endOfWordSuffix;
        this.fuseUnk = base.fuseUnk;
        this.byteFallback = base.byteFallback;
        this.ignoreMerges = base.ignoreMerges;
        this.unkId = base.unkId;
        this.charIds = base.charIds;
        this.prefixedCharIds = base.prefixedCharIds;
        this.byteIds = base.byteIds;
        this.seeded = seeded;
    }

    /** A builder for a model with {@code vocab} (token to id) and {@code merges} (highest priority first). */
    public static Builder builder(Map<String, Integer> vocab, List<Merge> merges) {
        return new Builder(vocab, merges);
    }

    /**
     * This model with its dropout decisions drawn from a generator seeded with {@code seed}, shared by all
     * calls: a given sequence of calls on one thread is reproducible.
     */
    public Bpe withDropoutSeed(long seed) {
        return new Bpe(this, new SeededRandom(seed));
    }

    /**
     * This model compiled for raw UTF-8 bytes, when it is a byte-level BPE that allows it (see {@link
     * ByteLevelBpe}); built once, on first use.
     */
    public Optional<ByteLevelBpe> byteLevel() {
        Optional<ByteLevelBpe> b = byteLevel;
        if (b == null) {
            synchronized (this) {
                b = byteLevel;
                if (b == null) {
                    b = Optional.ofNullable(ByteLevelBpe.of(
                            vocab,
                            mergeRanks,
                            mergeNewId,
                            mergeLeft,
                            mergeRight,
                            ignoreMerges,
                            dropout,
                            continuingSubwordPrefix,
                            endOfWordSuffix));
                    byteLevel = b;
                }
            }
        }
        return b;
    }

    static long pairKey(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    @Override
    public List<Token> tokenize(String piece) {
        if (piece.isEmpty()) {
            return List.of();
        }
        boolean deterministic = dropout == null || dropout == 0f;
        if (deterministic && ignoreMerges) {
            int id = vocab.id(piece);
            if (id >= 0) {
                return List.of(new Token(id, piece, 0, piece.length()));
            }
        }
        BpeWord word = merge(piece);
        return tokens(piece, word);
    }

    /** The piece split into symbols and merged (HF's {@code merge_word}). */
    BpeWord merge(String piece) {
        BpeWord word = symbols(piece);
        float p = dropout == null ? 0f : dropout;
        RandomGenerator random = p > 0 ? (seeded != null ? seeded : ThreadLocalRandom.current()) : null;
        word.mergeAll(mergeRanks, mergeNewId, p, random);
        return word;
    }

    private BpeWord symbols(String piece) {
        int n = piece.length();
        BpeWord word = new BpeWord(n);
        boolean unkPending = false;
        int unkLength = 0;
        for (int i = 0; i < n; ) {
            int start = i;
            int cp = piece.codePointAt(start);
            int end = start + Character.charCount(cp);
            boolean first = start == 0;
            boolean last = end == n;
            int byteLength = Utf8.length(cp);
            String formed = null;
            int id;
            if (last && endOfWordSuffix != null) {
                formed = formed(piece, start, end, first);
                id = vocab.id(formed);
            } else {
                id = (first || continuingSubwordPrefix == null ? charIds : prefixedCharIds).get(cp, -1);
            }
            i = end;
            if (id >= 0) {
                if (unkPending) {
                    word.add(unkId, unkLength);
                    unkPending = false;
                }
                word.add(id, byteLength);
                continue;
            }
            if (byteFallback) {
                if (formed == null) {
                    formed = formed(piece, start, end, first);
                }
                byte[] bytes = Utf8.bytes(formed);
                boolean all = true;
                for (byte b : bytes) {
                    all &= byteIds[b & 0xFF] >= 0;
                }
                if (all) {
                    // HF adds these before a pending unknown token, which stays pending.
                    for (byte b : bytes) {
                        word.add(byteIds[b & 0xFF], 1);
                    }
                    continue;
                }
            }
            if (unkToken != null) {
                if (unkPending && fuseUnk) {
                    unkLength += byteLength;
                } else {
                    if (unkPending) {
                        word.add(unkId, unkLength);
                    }
                    if (unkId < 0) {
                        throw new IllegalStateException("Unk token `" + unkToken + "` not found in the vocabulary");
                    }
                    unkPending = true;
                    unkLength = byteLength;
                }
            }
        }
        if (unkPending) {
            word.add(unkId, unkLength);
        }
        return word;
    }

    /** The character at {@code [start, end)} with the prefix and suffix that apply to its position. */
    private String formed(String piece, int start, int end, boolean first) {
        StringBuilder sb = new StringBuilder();
        if (!first && continuingSubwordPrefix != null) {
            sb.append(continuingSubwordPrefix);
        }
        sb.append(piece, start, end);
        if (end == piece.length() && endOfWordSuffix != null) {
            sb.append(endOfWordSuffix);
        }
        return sb.toString();
    }

    private List<Token> tokens(String piece, BpeWord word) {
        List<Token> out = new ArrayList<>();
        if (word.size == 0) {
            return out;
        }
        int n = piece.length();
        int unit = 0; // UTF-16 start of the character the walk is on
        int unitByte = 0; // its UTF-8 start
        int bytePos = 0;
        for (int s = 0; s != -1; s = word.next[s]) {
            int startByte = bytePos;
            int endByte = bytePos + word.lengths[s];
            bytePos = endByte;
            while (unit < n) {
                int bl = Utf8.length(piece.codePointAt(unit));
                if (unitByte + bl > startByte) {
                    break;
                }
                unitByte += bl;
                unit += Character.charCount(piece.codePointAt(unit));
            }
            int start = unit;
            while (unit < n) {
                int bl = Utf8.length(piece.codePointAt(unit));
                if (unitByte + bl > endByte - 1) {
                    break;
                }
                unitByte += bl;
                unit += Character.charCount(piece.codePointAt(unit));
            }
            int end = unit < n ? unit + Character.charCount(piece.codePointAt(unit)) : n;
            int id = word.ids[s];
            out.add(new Token(id, vocab.token(id), start, end));
        }
        return out;
    }

    @Override
    public int tokenToId(String token) {
        return vocab.id(token);
    }

    @Override
    public String idToToken(int id) {
        return vocab.token(id);
    }

    @Override
    public int vocabSize() {
        return vocab.size();
    }

    @Override
    public Map<String, Integer> vocab() {
        return vocab.map();
    }

    /** The merges in rank order, as HF writes them (a pair listed twice keeps only its later rank). */
    public List<Merge> merges() {
        List<Merge> out = new ArrayList<>();
        for (int r = 0; r < mergeNewId.length; r++) {
            if (mergeNewId[r] >= 0) {
                out.add(new Merge(vocab.token(mergeLeft[r]), vocab.token(mergeRight[r])));
            }
        }
        return out;
    }

    /** Dropout probability, or null for none. */
    public Float dropout() {
        return dropout;
    }

    public String unkToken() {
        return unkToken;
    }

    public String continuingSubwordPrefix() {
        return continuingSubwordPrefix;
    }

    public String endOfWordSuffix() {
        return endOfWordSuffix;
    }

    public boolean fuseUnk() {
        return fuseUnk;
    }

    public boolean byteFallback() {
        return byteFallback;
    }

    public boolean ignoreMerges() {
        return ignoreMerges;
    }

    /** Equal vocabularies, merges (with their ranks) and options; the dropout seed is not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Bpe b
                && vocab.equals(b.vocab)
                && Arrays.equals(mergeLeft, b.mergeLeft)
                && Arrays.equals(mergeRight, b.mergeRight)
                && Arrays.equals(mergeNewId, b.mergeNewId)
                && Objects.equals(dropout, b.dropout)
                && Objects.equals(unkToken, b.unkToken)
                && Objects.equals(continuingSubwordPrefix, b.continuingSubwordPrefix)
                && Objects.equals(endOfWordSuffix, b.endOfWordSuffix)
                && fuseUnk == b.fuseUnk
                && byteFallback == b.byteFallback
                && ignoreMerges == b.ignoreMerges;
    }

    @Override
    public int hashCode() {
        return Objects.hash(vocab.size(), mergeNewId.length, dropout, unkToken, fuseUnk, byteFallback);
    }

    @Override
    public String toString() {
        return "Bpe[vocab=" + vocab.size() + ", merges=" + mergeNewId.length + ", dropout=" + dropout
                + ", unkToken=" + unkToken + ", continuingSubwordPrefix=" + continuingSubwordPrefix
                + ", endOfWordSuffix=" + endOfWordSuffix + ", fuseUnk=" + fuseUnk + ", byteFallback="
                + byteFallback + ", ignoreMerges=" + ignoreMerges + "]";
    }

    /** Options of a {@link Bpe}; HF's defaults (no dropout, no unknown token, all flags off). */
    public static final class Builder {
        private final Map<String, Integer> vocab;
        private final List<Merge> merges;
        private Float dropout;
        private String unkToken;
        private String continuingSubwordPrefix;
        private String endOfWordSuffix;
        private boolean fuseUnk;
        private boolean byteFallback;
        private boolean ignoreMerges;

        private Builder(Map<String, Integer> vocab, List<Merge> merges) {
            this.vocab = Objects.requireNonNull(vocab, "vocab");
            this.merges = Objects.requireNonNull(merges, "merges");
        }

        public Builder dropout(Float dropout) {
            this.dropout = dropout;
            return this;
        }

        public Builder unkToken(String unkToken) {
            this.unkToken = unkToken;
            return this;
        }

        public Builder continuingSubwordPrefix(String prefix) {
            this.continuingSubwordPrefix = prefix;
            return this;
        }

        public Builder endOfWordSuffix(String suffix) {
            this.endOfWordSuffix = suffix;
            return this;
        }

        public Builder fuseUnk(boolean fuseUnk) {
            this.fuseUnk = fuseUnk;
            return this;
        }

        public Builder byteFallback(boolean byteFallback) {
            this.byteFallback = byteFallback;
            return this;
        }

        public Builder ignoreMerges(boolean ignoreMerges) {
            this.ignoreMerges = ignoreMerges;
            return this;
        }

        /**
         * The model. Fails as HF's builder does: dropout outside [0, 1], or a merge whose tokens or result
         * (left + right without the continuing-subword prefix) are not in the vocabulary ({@link
         * InvalidMergeException}).
         */
        public Bpe build() {
            if (dropout != null && !(dropout >= 0f && dropout <= 1f)) {
                throw new IllegalArgumentException("Dropout should be between 0 and 1, inclusive");
            }
            Vocabulary v = Vocabulary.of(vocab);
            int prefixBytes = continuingSubwordPrefix == null ? 0 : Utf8.length(continuingSubwordPrefix);
            int m = merges.size();
            int[] left = new int[m];
            int[] right = new int[m];
            int[] newId = new int[m];
            LongIntMap ranks = new LongIntMap(m);
            for (int i = 0; i < m; i++) {
                Merge merge = merges.get(i);
                int a = resolve(v, merge.left(), i);
                int b = resolve(v, merge.right(), i);
                String rest = Utf8.dropBytes(merge.right(), prefixBytes);
                if (rest == null) {
                    throw new InvalidMergeException(
                            i,
                            "Token `" + merge.right() + "` cannot lose the " + prefixBytes
                                    + " bytes of the continuing subword prefix");
                }
                int merged = resolve(v, merge.left() + rest, i);
                int replaced = ranks.put(pairKey(a, b), i, -1);
                if (replaced >= 0) {
                    newId[replaced] = -1;
                }
                left[i] = a;
                right[i] = b;
                newId[i] = merged;
            }
            return new Bpe(this, v, left, right, newId, ranks);
        }

        private static int resolve(Vocabulary v, String token, int index) {
            int id = v.id(token);
            if (id < 0) {
                throw new InvalidMergeException(index, "Token `" + token + "` out of vocabulary");
            }
            return id;
        }
    }

    /** SplitMix64 over an atomic counter: thread-safe, and reproducible for one sequence of draws. */
    private static final class SeededRandom implements RandomGenerator {
        private final AtomicLong state;

        SeededRandom(long seed) {
            state = new AtomicLong(seed);
        }

        @Override
        public long nextLong() {
            long z = state.addAndGet(0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
