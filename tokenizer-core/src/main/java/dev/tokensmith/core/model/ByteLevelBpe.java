package dev.tokensmith.core.model;

import dev.tokensmith.core.text.ByteLevelAlphabet;
import dev.tokensmith.core.text.LongIntMap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;

/**
 * A byte-level {@link Bpe} compiled for raw UTF-8 bytes: the fast paths hand it a piece's bytes instead of its
 * byte-level string and get the same tokens. A piece that is a whole token is found with one lookup in a
 * byte-keyed open-addressing table; other pieces merge in primitive arrays, by repeated scans when short (fewer
 * memory touches than a heap at the lengths text is made of) and, when long, by {@link SweepRounds} (whole-piece
 * sweeps while the lowest rank is dense, as in runs) then {@link RankRounds} (rank batches), so time stays
 * O(n log n) in the piece length.
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

    private static final int NO_RANK = SweepRounds.NO_RANK;

    private final int[] byteIds = new int[256];
    private final int[] newIds;
    // The whole-piece table, open addressing over pairs of longs so that a probe touches one cache line:
    // table[2s] is the key's first eight bytes (little-endian, zero-padded; under eight bytes, the length in the
    // top byte), table[2s + 1] is (entry + 1) << 32 | token id, 0 when the slot is empty. Entry e has
    // keyLength[e] bytes, those past the first eight at pool[keyStart[e], ...).
    private final byte[] pool;
    private final int[] keyStart;
    private final int[] keyLength;
    private final long[] table;
    private final int slotMask;
    private final int maxKeyBytes;
    private final int[] bytePairRanks = new int[1 << 16]; // initial pairs skip the hash map
    private final ThreadLocal<SweepRounds> sweeps;
    private final PairRanks pairRanks;

    private ByteLevelBpe(
            Vocabulary vocab, LongIntMap ranks, int[] newIds, int[] mergeLeft, int[] mergeRight, boolean ignoreMerges) {
        this.newIds = newIds;
        this.pairRanks = PairRanks.of(mergeLeft, mergeRight, newIds, ranks);
        int[] tokenBytes = tokenBytes(vocab);
        this.sweeps = ThreadLocal.withInitial(
                () -> new SweepRounds(ranks, pairRanks, newIds, mergeLeft, mergeRight, tokenBytes));
        for (int b = 0; b < 256; b++) {
            byteIds[b] = vocab.id(String.valueOf(ByteLevelAlphabet.charOf(b)));
        }
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 256; y++) {
                bytePairRanks[(x << 8) | y] = ranks.get(Bpe.pairKey(byteIds[x], byteIds[y]), NO_RANK);
            }
        }
        int n = vocab.size();
        byte[][] keys = new byte[n][];
        int[] ids = new int[n];
        int count = 0;
        int poolSize = 0; // bytes past the first eight
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
            poolSize += Math.max(0, key.length - 8);
            count++;
        }
        pool = new byte[poolSize];
        keyStart = new int[count];
        keyLength = new int[count];
        int capacity = Integer.highestOneBit(Math.max(4, count) * 2 - 1) << 1;
        table = new long[2 * capacity];
        slotMask = capacity - 1;
        int at = 0;
        int longest = 0;
        byte[] padded = new byte[64];
        for (int k = 0; k < count; k++) {
            byte[] key = keys[k];
            if (padded.length < key.length + 8) {
                padded = new byte[key.length + 8];
            }
            Arrays.fill(padded, (byte) 0);
            System.arraycopy(key, 0, padded, 0, key.length);
            keyStart[k] = at;
            keyLength[k] = key.length;
            if (key.length > 8) {
                System.arraycopy(key, 8, pool, at, key.length - 8);
                at += key.length - 8;
            }
            longest = Math.max(longest, key.length);
            int slot = hash(padded, key.length) & slotMask;
            while (table[2 * slot + 1] != 0) {
                slot = (slot + 1) & slotMask;
            }
            table[2 * slot] = tableKey(padded, key.length);
            table[2 * slot + 1] = ((long) (k + 1) << 32) | (ids[k] & 0xFFFFFFFFL);
        }
        maxKeyBytes = longest;
    }

    /**
     * The UTF-8 length of each token by id, which is what a symbol of that id covers; null when the ids are too
     * sparse for an array or an id names tokens of different lengths (then long pieces carry their ends).
     */
    private static int[] tokenBytes(Vocabulary vocab) {
        int maxId = -1;
        for (int id : vocab.map().values()) {
            maxId = Math.max(maxId, id);
        }
        if (maxId >= 4L * vocab.size() + 1024) {
            return null;
        }
        int[] bytes = new int[maxId + 1];
        Arrays.fill(bytes, -1);
        for (Map.Entry<String, Integer> e : vocab.map().entrySet()) {
            byte[] key = ByteLevelAlphabet.decode(e.getKey());
            int length = key == null ? -2 : key.length; // -2: not a byte-level token
            int id = e.getValue();
            if (bytes[id] != -1 && bytes[id] != length) {
                return null;
            }
            bytes[id] = length;
        }
        return bytes;
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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Bytes {@code [at, min(at + 8, len))} as a little-endian word, zero-padded; reads 8 bytes from {@code at}. */
    private static long word(byte[] bytes, int at, int len) {
        long w = (long) LONGS.get(bytes, at);
        int left = len - at;
        return left >= 8 ? w : w & ((1L << (left << 3)) - 1);
    }

    /** The table key: the first eight bytes, with the length in the top byte when there are fewer. */
    private static long tableKey(byte[] bytes, int len) {
        long w = word(bytes, 0, len);
        return len < 8 ? w | ((long) len << 56) : w;
    }

    private static int hash(byte[] bytes, int len) {
        long h = word(bytes, 0, len) ^ ((long) len * 0x9E3779B97F4A7C15L);
        for (int at = 8; at < len; at += 8) {
            h = (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L ^ word(bytes, at, len);
        }
        h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * The id of the token whose bytes are exactly {@code bytes[0, len)}, if a piece that long is one; else -1.
     * Fastest when {@code bytes} extends at least 8 bytes past {@code len} (words are read whole).
     */
    public int wholeToken(byte[] bytes, int len) {
        if (len > maxKeyBytes) {
            return -1;
        }
        if (bytes.length - len < 8) {
            bytes = Arrays.copyOf(bytes, len + 8); // callers on hot paths leave the slack
        }
        long key = tableKey(bytes, len);
        int h = hash(bytes, len);
        return lookup(bytes, len, key, h);
    }

    private int lookup(byte[] bytes, int len, long key, int h) {
        long[] t = table;
        for (int slot = h & slotMask; ; slot = (slot + 1) & slotMask) {
            long info = t[2 * slot + 1];
            if (info == 0) {
                return -1;
            }
            if (t[2 * slot] == key) {
                if (len < 8) {
                    return (int) info;
                }
                int k = (int) (info >>> 32) - 1;
                if (keyLength[k] == len) {
                    int from = keyStart[k];
                    if (len == 8 || Arrays.equals(pool, from, from + len - 8, bytes, 8, len)) {
                        return (int) info;
                    }
                }
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
        return len <= SCAN_LIMIT
                ? scanMerge(bytes, len, ids, ends, pairRanks)
                : longMerge(bytes, len, ids, ends, pairRanks);
    }

    private int rank(int left, int right) {
        return pairRanks.get(left, right, NO_RANK);
    }

    private int scanMerge(byte[] bytes, int len, int[] ids, int[] ends, int[] r) {
        int n = len;
        for (int i = 0; i < n; i++) {
            ids[i] = byteIds[bytes[i] & 0xFF];
            ends[i] = i + 1;
        }
        for (int i = 0; i + 1 < n; i++) {
            r[i] = bytePairRanks[((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)];
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

    /** This thread's long-piece merger, for tests. */
    SweepRounds sweepRounds() {
        return sweeps.get();
    }

    private int longMerge(byte[] bytes, int len, int[] ids, int[] ends, int[] pairRanks) {
        SweepRounds merger = sweeps.get();
        if (!merger.sweeps()) {
            for (int i = 0; i < len; i++) {
                ends[i] = i + 1;
            }
        }
        int lowest = NO_RANK;
        int count = 0;
        int b = bytes[0] & 0xFF;
        for (int i = 0; i + 1 < len; i++) {
            int c = bytes[i + 1] & 0xFF;
            ids[i] = byteIds[b];
            int r = bytePairRanks[(b << 8) | c];
            pairRanks[i] = r;
            if (r <= lowest) {
                if (r < lowest) {
                    lowest = r;
                    count = 0;
                }
                count++;
            }
            b = c;
        }
        ids[len - 1] = byteIds[b];
        return merger.merge(ids, ends, pairRanks, len, lowest, count);
    }
}
