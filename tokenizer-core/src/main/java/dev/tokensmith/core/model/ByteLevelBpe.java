package dev.tokensmith.core.model;

import dev.tokensmith.core.text.ByteLevelAlphabet;
import java.util.Arrays;
import java.util.Map;

/**
 * A byte-level {@link Bpe} compiled for raw UTF-8 bytes: the fast paths hand it a piece's bytes instead of its
 * byte-level string and get the same tokens. A piece that is a whole token is found with one lookup in a
 * byte-keyed open-addressing table; other pieces merge in primitive arrays, by repeated scans when short (fewer
 * memory touches than a heap at the lengths text is made of) and with {@link BpeWord}'s heap when long, so time
 * stays O(n log n) in the piece length.
 *
 * <p>Exactness: HF merges the valid candidate of lowest (rank, position); a stale candidate can never look valid
 * (a symbol only grows), so scanning the current pairs for the lowest rank, leftmost first, merges the same
 * pairs in the same order. A piece is looked up whole only where HF would also produce that one token: with
 * {@code ignore_merges}, any vocabulary token; without, only tokens that merging their own bytes rebuilds (checked
 * once per token when this is built).
 *
 * <p>Immutable and thread-safe; the caller passes the scratch arrays.
 */
public final class ByteLevelBpe {
    /** Pieces of at most this many bytes merge by scanning. */
    static final int SCAN_LIMIT = 64;

    private static final int NO_RANK = Integer.MAX_VALUE;

    private final int[] byteIds = new int[256];
    private final LongIntMap ranks;
    private final int[] newIds;
    private final byte[] pool; // the whole-piece keys, concatenated
    private final int[] keyStart; // entry e's key is pool[keyStart[e], keyStart[e + 1])
    private final int[] keyId;
    private final int[] slots; // open addressing: entry + 1, 0 when empty
    private final int slotMask;
    private final int maxKeyBytes;
    private final ThreadLocal<RankRounds> rounds;

    private ByteLevelBpe(
            Vocabulary vocab, LongIntMap ranks, int[] newIds, int[] mergeLeft, int[] mergeRight, boolean ignoreMerges) {
        this.ranks = ranks;
        this.newIds = newIds;
        this.rounds = ThreadLocal.withInitial(() -> new RankRounds(ranks, newIds, mergeLeft, mergeRight));
        for (int b = 0; b < 256; b++) {
            byteIds[b] = vocab.id(String.valueOf(ByteLevelAlphabet.charOf(b)));
        }
        int n = vocab.size();
        byte[][] keys = new byte[n][];
        int[] ids = new int[n];
        int count = 0;
        int poolSize = 0;
        int[] scratchIds = new int[64];
        int[] scratchEnds = new int[64];
        int[] scratchRanks = new int[64];
        for (Map.Entry<String, Integer> e : vocab.map().entrySet()) {
            byte[] key = ByteLevelAlphabet.decode(e.getKey());
            if (key == null || key.length == 0) {
                continue;
            }
            if (!ignoreMerges) {
                if (key.length > scratchIds.length) {
                    scratchIds = new int[key.length];
                    scratchEnds = new int[key.length];
                    scratchRanks = new int[key.length];
                }
                int produced = merge(key, key.length, scratchIds, scratchEnds, scratchRanks);
                if (produced != 1 || scratchIds[0] != e.getValue()) {
                    continue;
                }
            }
            keys[count] = key;
            ids[count] = e.getValue();
            poolSize += key.length;
            count++;
        }
        pool = new byte[poolSize];
        keyStart = new int[count + 1];
        keyId = Arrays.copyOf(ids, count);
        int capacity = Integer.highestOneBit(Math.max(4, count) * 2 - 1) << 1;
        slots = new int[capacity];
        slotMask = capacity - 1;
        int at = 0;
        int longest = 0;
        for (int k = 0; k < count; k++) {
            byte[] key = keys[k];
            keyStart[k] = at;
            System.arraycopy(key, 0, pool, at, key.length);
            at += key.length;
            longest = Math.max(longest, key.length);
            int slot = hash(key, key.length) & slotMask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & slotMask;
            }
            slots[slot] = k + 1;
        }
        keyStart[count] = at;
        maxKeyBytes = longest;
    }

    /**
     * The raw-byte form of {@code bpe}, or null when it has none: dropout, an unknown token or byte fallback in
     * play, a continuing-subword prefix or end-of-word suffix, or a byte of the 256 without its own token.
     */
    static ByteLevelBpe of(
            Vocabulary vocab,
            LongIntMap ranks,
            int[] newIds,
            int[] mergeLeft,
            int[] mergeRight,
            boolean ignoreMerges,
            Float dropout,
            String prefix,
            String suffix) {
        if (dropout != null && dropout > 0f) {
            return null;
        }
        if ((prefix != null && !prefix.isEmpty()) || (suffix != null && !suffix.isEmpty())) {
            return null;
        }
        for (int b = 0; b < 256; b++) {
            if (vocab.id(String.valueOf(ByteLevelAlphabet.charOf(b))) < 0) {
                return null;
            }
        }
        return new ByteLevelBpe(vocab, ranks, newIds, mergeLeft, mergeRight, ignoreMerges);
    }

    private static int hash(byte[] bytes, int len) {
        int h = len * 0x9E3779B1;
        for (int i = 0; i < len; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }

    /** The id of the token whose bytes are exactly {@code bytes[0, len)}, if a piece that long is one; else -1. */
    public int wholeToken(byte[] bytes, int len) {
        if (len > maxKeyBytes) {
            return -1;
        }
        for (int slot = hash(bytes, len) & slotMask; ; slot = (slot + 1) & slotMask) {
            int k = slots[slot] - 1;
            if (k < 0) {
                return -1;
            }
            int from = keyStart[k];
            if (keyStart[k + 1] - from == len && Arrays.equals(pool, from, from + len, bytes, 0, len)) {
                return keyId[k];
            }
        }
    }

    /**
     * Encodes the piece {@code bytes[0, len)}: writes token ids to {@code ids} and the byte end of each token to
     * {@code ends}, and returns the number of tokens. All three arrays must hold at least {@code len} entries.
     */
    public int encode(byte[] bytes, int len, int[] ids, int[] ends, int[] scratch) {
        if (len == 0) {
            return 0;
        }
        int whole = wholeToken(bytes, len);
        if (whole >= 0) {
            ids[0] = whole;
            ends[0] = len;
            return 1;
        }
        return merge(bytes, len, ids, ends, scratch);
    }

    /** The number of tokens of the piece {@code bytes[0, len)}; the arrays are scratch space of {@code len}. */
    public int count(byte[] bytes, int len, int[] ids, int[] ends, int[] scratch) {
        if (len == 0) {
            return 0;
        }
        if (wholeToken(bytes, len) >= 0) {
            return 1;
        }
        return merge(bytes, len, ids, ends, scratch);
    }

    private int merge(byte[] bytes, int len, int[] ids, int[] ends, int[] pairRanks) {
        return len <= SCAN_LIMIT ? scanMerge(bytes, len, ids, ends, pairRanks) : longMerge(bytes, len, ids, ends);
    }

    private int rank(int left, int right) {
        return ranks.get(Bpe.pairKey(left, right), NO_RANK);
    }

    private int scanMerge(byte[] bytes, int len, int[] ids, int[] ends, int[] r) {
        int n = len;
        for (int i = 0; i < n; i++) {
            ids[i] = byteIds[bytes[i] & 0xFF];
            ends[i] = i + 1;
        }
        for (int i = 0; i + 1 < n; i++) {
            r[i] = rank(ids[i], ids[i + 1]);
        }
        while (n > 1) {
            int min = NO_RANK;
            int at = -1;
            for (int i = 0; i + 1 < n; i++) {
                if (r[i] < min) {
                    min = r[i];
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            ids[at] = newIds[min];
            ends[at] = ends[at + 1];
            int tail = n - at - 2;
            if (tail > 0) {
                System.arraycopy(ids, at + 2, ids, at + 1, tail);
                System.arraycopy(ends, at + 2, ends, at + 1, tail);
                System.arraycopy(r, at + 2, r, at + 1, tail - 1 > 0 ? tail - 1 : 0);
            }
            n--;
            if (at > 0) {
                r[at - 1] = rank(ids[at - 1], ids[at]);
            }
            if (at + 1 < n) {
                r[at] = rank(ids[at], ids[at + 1]);
            }
        }
        return n;
    }

    private int longMerge(byte[] bytes, int len, int[] ids, int[] ends) {
        for (int i = 0; i < len; i++) {
            ids[i] = byteIds[bytes[i] & 0xFF];
        }
        int n = rounds.get().merge(ids, len, ids, ends);
        if (n >= 0) {
            return n;
        }
        BpeWord word = new BpeWord(len);
        for (int i = 0; i < len; i++) {
            word.add(byteIds[bytes[i] & 0xFF], 1);
        }
        word.mergeAll(ranks, newIds, 0f, null);
        int count = 0;
        int end = 0;
        for (int s = 0; s != -1; s = word.next[s]) {
            end += word.lengths[s];
            ids[count] = word.ids[s];
            ends[count] = end;
            count++;
        }
        return count;
    }
}
