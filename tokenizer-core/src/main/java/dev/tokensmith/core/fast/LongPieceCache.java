package dev.tokensmith.core.fast;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One thread's memory of recent pieces of 17 to 64 bytes and their tokens: the words of scripts written with
 * two or three bytes a character (Cyrillic, Greek, Arabic, CJK...) are that long, are rarely whole tokens, and
 * cost a full merge each time they come back. {@link PieceCache} keeps the short ones, except those with more
 * tokens than its slots hold (pieces of random bytes, some non-Latin words), which come here too.
 *
 * <p>Two-way set associative, the newest piece of a set first. A thread starts with {@link #INITIAL_SLOTS} slots
 * (about 0.75 MB) and doubles them, up to {@link #MAX_SLOTS}, while more than 1 lookup in 16 misses: English
 * text stays small, text with many long words gets the room to keep them. A slot holds the piece's bytes as
 * eight zero-padded little-endian words, its length and token count, and up to {@link #MAX_TOKENS} ids with
 * their byte ends; pieces with more tokens are not remembered (and are no misses: no size would hold them).
 */
final class LongPieceCache {
    static final int MAX_BYTES = 64;
    private static final int WORDS = MAX_BYTES / 8;
    private static final int MAX_TOKENS = 24;
    static final int INITIAL_SLOTS = 4096;
    static final int MAX_SLOTS = 32768;
    private static final int WAYS = 2;
    /** Lookups between two looks at the miss rate. */
    private static final int WINDOW = 1 << 14;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[] keys;
    private int[] meta; // len << 8 | count; 0 when empty
    private int[] ids;
    private byte[] ends;
    private int setMask;
    private int lookups;
    private int misses;

    private int set;

    LongPieceCache() {
        allocate(INITIAL_SLOTS);
    }

    private void allocate(int slots) {
        keys = new long[WORDS * slots];
        meta = new int[slots];
        ids = new int[MAX_TOKENS * slots];
        ends = new byte[MAX_TOKENS * slots];
        setMask = slots / WAYS - 1;
    }

    /** The slots the table has now. */
    int slots() {
        return meta.length;
    }

    /**
     * Looks the piece {@code bytes[0, len)} up (1 to {@link #MAX_BYTES} bytes; {@code bytes} extends at least 8
     * bytes past {@code len}). Returns its token count with ids and byte ends copied out when {@code outIds} is
     * not null, or -1 after remembering where a result for it would go ({@link #put}).
     */
    int get(byte[] bytes, int len, int[] outIds, int[] outEnds) {
        lookups++;
        int words = (len + 7) >>> 3;
        long h = len;
        for (int w = 0; w < words; w++) {
            h = (h ^ word(bytes, w, len)) * 0x9E3779B97F4A7C15L;
        }
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL; // mix the high bits, which see every byte, into the low
        h ^= h >>> 33;
        int s = set = setOf(h);
        for (int x = s; x < s + WAYS; x++) {
            int m = meta[x];
            if (m >>> 8 == len && sameKey(x, bytes, words, len)) {
                int n = m & 0xFF;
                if (outIds != null) {
                    System.arraycopy(ids, x * MAX_TOKENS, outIds, 0, n);
                    int from = x * MAX_TOKENS;
                    for (int k = 0; k < n; k++) {
                        outEnds[k] = ends[from + k] & 0xFF;
                    }
                }
                return n;
            }
        }
        misses++;
        if (lookups >= WINDOW && adapt()) {
            set = setOf(h); // a miss may grow the table; a hit never empties it
        }
        return -1;
    }

    private int setOf(long hash) {
        return ((int) hash & setMask) * WAYS;
    }

    private boolean sameKey(int x, byte[] bytes, int words, int len) {
        int at = x * WORDS;
        for (int w = 0; w < words; w++) {
            if (keys[at + w] != word(bytes, w, len)) {
                return false;
            }
        }
        return true;
    }

    /** Doubles the table (dropping what it held) when too many lookups missed since the last look. */
    private boolean adapt() {
        boolean grow = misses > lookups / 16 && slots() < MAX_SLOTS;
        if (grow) {
            allocate(2 * slots());
        }
        lookups = 0;
        misses = 0;
        return grow;
    }

    /**
     * Remembers the tokens of the piece last passed to {@link #get}, when there are few enough; returns whether
     * it did. The set's newest piece goes first and the older one is dropped.
     */
    boolean put(byte[] bytes, int len, int[] tokenIds, int[] tokenEnds, int n) {
        if (n < 1 || n > MAX_TOKENS) {
            misses--;
            return false;
        }
        int s = set;
        System.arraycopy(keys, s * WORDS, keys, (s + 1) * WORDS, WORDS);
        System.arraycopy(ids, s * MAX_TOKENS, ids, (s + 1) * MAX_TOKENS, MAX_TOKENS);
        System.arraycopy(ends, s * MAX_TOKENS, ends, (s + 1) * MAX_TOKENS, MAX_TOKENS);
        meta[s + 1] = meta[s];
        int at = s * WORDS;
        int words = (len + 7) >>> 3;
        for (int w = 0; w < words; w++) {
            keys[at + w] = word(bytes, w, len);
        }
        Arrays.fill(keys, at + words, at + WORDS, 0L);
        System.arraycopy(tokenIds, 0, ids, s * MAX_TOKENS, n);
        for (int k = 0; k < n; k++) {
            ends[s * MAX_TOKENS + k] = (byte) tokenEnds[k];
        }
        meta[s] = len << 8 | n;
        return true;
    }

    /** Word {@code w} of the piece, zero past {@code len}. */
    private static long word(byte[] bytes, int w, int len) {
        long x = (long) LONGS.get(bytes, w << 3);
        int left = len - (w << 3);
        return left >= 8 ? x : x & ((1L << (left << 3)) - 1);
    }
}
