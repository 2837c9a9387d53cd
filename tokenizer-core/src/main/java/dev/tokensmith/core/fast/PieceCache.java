package dev.tokensmith.core.fast;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One thread's memory of recent pieces and their tokens, for pieces of at most 16 bytes: text repeats a few
 * thousand short pieces, and remembering their tokens in a table that stays in the fastest caches skips both the
 * vocabulary lookup (a cache miss in a table of megabytes) and the merging (several more). Two-way set
 * associative: a new piece goes first in its set and pushes out the older of the two there, which keeps more of
 * the frequent pieces than one way of twice the sets. A small direct-mapped front, looked at first, keeps the
 * pieces found last where a core reaches them fastest.
 *
 * <p>A slot is four longs, so that a lookup touches one cache line: the piece's two 8-byte words (zero-padded),
 * then {@code len (5 bits) | count (3) | the tokens' byte ends (4 x 5) | first id (32)}, then the other three ids
 * (21 bits each). Pieces whose tokens do not fit (more than four, or ids of 2^21 and above) are not remembered.
 */
final class PieceCache {
    static final int MAX_BYTES = 16;
    private static final int MAX_TOKENS = 4;
    private static final int MAX_PACKED_ID = (1 << 21) - 1;
    // A thread starts with 512 KB and doubles the table, up to 4 MB, while more than 1 lookup in 32 misses: a
    // few short texts stay small, and a stream of text gets the table that holds its distinct pieces. Measured
    // (docs/benchmarks.md): with 1 MB of real text, 4 MB beat 2 MB by 4-12% and 1 MB by 12-25% on one thread.
    static final int INITIAL_SLOTS = 16384;
    static final int MAX_SLOTS = 131072;
    private static final int WAYS = 2;
    static final int FRONT_SLOTS = 4096;
    /** Lookups between two looks at the miss rate. */
    private static final int WINDOW = 1 << 16;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[] table = new long[4 * INITIAL_SLOTS];
    private int setMask = INITIAL_SLOTS / WAYS - 1;
    private int lookups;
    private int misses;

    /**
     * The front: a small direct-mapped table of the pieces found last, small enough to stay in a core's own
     * cache (the big table, megabytes, lives in the shared last level, a miss of 30 ns and more on the server
     * parts measured); {@link #find} looks here first.
     */
    private final long[] front = new long[4 * FRONT_SLOTS];

    /** The piece of the last lookup, for {@link #put}. */
    private long w0;

    private long w1;
    /** The set of the big table, and the front slot (times four), of the last lookup. */
    private int slot;

    private int at;

    /**
     * Looks the piece {@code bytes[0, len)} up (len at most {@link #MAX_BYTES}; {@code bytes} extends at least
     * 16 bytes). Returns its token count with ids and byte ends copied out, or -1 after remembering where a result
     * for it would go ({@link #put}).
     */
    int get(byte[] bytes, int len, int[] ids, int[] ends) {
        int n = find(bytes, len);
        if (n > 0) {
            copy(n, ids, ends);
        }
        return n;
    }

    /** The {@code n} ids and byte ends of the piece {@link #find} last found. */
    void copy(int n, int[] ids, int[] ends) {
        long info = front[at + 2];
        long rest = front[at + 3];
        ids[0] = (int) info;
        ends[0] = (int) (info >>> 32) & 31;
        for (int k = 1; k < n; k++) {
            ids[k] = (int) (rest >>> (21 * (k - 1))) & MAX_PACKED_ID;
            ends[k] = (int) (info >>> (32 + 5 * k)) & 31;
        }
    }

    /** The token count of the piece if it is remembered, else -1 (as {@link #get}, without copying). */
    int find(byte[] bytes, int len) {
        return find(bytes, 0, len, 0);
    }

    /** What {@link #find(byte[], int, int, long)} returns for a piece with a byte it was told to reject. */
    static final int REJECTED = -2;

    /**
     * As {@link #find(byte[], int)} for the piece {@code bytes[from, from + len)} ({@code bytes} extends 16 bytes
     * past {@code from}); {@link #REJECTED}, without a lookup, when its bytes as two zero-padded words share a bit
     * with {@code reject} (with {@code 0x8080808080808080L}: a byte past ASCII, as the ASCII view marks them).
     */
    int find(byte[] bytes, int from, int len, long reject) {
        long a = (long) LONGS.get(bytes, from);
        long b = (long) LONGS.get(bytes, from + 8);
        if (len < 8) {
            a &= (1L << (len << 3)) - 1;
            b = 0;
        } else if (len < 16) {
            b &= (1L << ((len - 8) << 3)) - 1;
        }
        return ((a | b) & reject) != 0 ? REJECTED : find(a, b, len);
    }

    /**
     * As {@link #find(byte[], int)} for the piece whose bytes are {@code a} then {@code b} (little-endian,
     * zero past {@code len}): the front table first, then the sets of the big one, whose hit is copied to the
     * front.
     */
    int find(long a, long b, int len) {
        if (++lookups == WINDOW) {
            adapt();
        }
        long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL) ^ len;
        int f = 4 * ((int) (h >>> 40) & (FRONT_SLOTS - 1));
        long[] front = this.front;
        at = f;
        if (holds(front, f, a, b, len)) {
            return (int) (front[f + 2] >>> 57) & 7;
        }
        w0 = a;
        w1 = b;
        int s = ((int) (h ^ (h >>> 29) ^ (h >>> 43)) & setMask) * WAYS;
        long[] t = table;
        for (int way = 0; way < WAYS; way++) {
            int back = 4 * (s + way);
            if (holds(t, back, a, b, len)) {
                toFront(a, b, t[back + 2], t[back + 3]);
                return (int) (t[back + 2] >>> 57) & 7;
            }
        }
        slot = s;
        misses++;
        return -1;
    }

    /** Whether the slot at {@code i} of {@code t} holds the piece; an empty slot (all zero) has no tokens. */
    private static boolean holds(long[] t, int i, long a, long b, int len) {
        long info = t[i + 2];
        return (int) (info >>> 60) == (len & 15) && (int) (info >>> 57 & 7) != 0 && t[i] == a && t[i + 1] == b;
    }

    private void toFront(long a, long b, long info, long rest) {
        front[at] = a;
        front[at + 1] = b;
        front[at + 2] = info;
        front[at + 3] = rest;
    }

    /** The first token id of the piece {@link #find} last found. */
    int firstId() {
        return (int) front[at + 2];
    }

    /** Doubles the table (dropping what it held: it fills again within a few thousand pieces) when it misses. */
    private void adapt() {
        int slots = table.length / 4;
        if (misses > lookups / 32 && slots < MAX_SLOTS) {
            table = new long[8 * slots];
            setMask = 2 * slots / WAYS - 1;
        }
        lookups = 0;
        misses = 0;
    }

    /** The slots the table has now. */
    int slots() {
        return table.length / 4;
    }

    /**
     * Remembers the tokens of the piece last passed to {@link #find} or {@link #get}, when they fit; returns
     * whether they did. A piece that fits no slot does not count as a miss (a larger table would not hold it).
     */
    boolean put(int len, int[] ids, int[] ends, int n) {
        if (n < 1 || n > MAX_TOKENS) {
            misses--;
            return false;
        }
        long info = ((long) (len & 15) << 60) | ((long) n << 57) | (ids[0] & 0xFFFFFFFFL);
        long rest = 0;
        for (int k = 0; k < n; k++) {
            if (ends[k] > 31 || (k > 0 && (ids[k] < 0 || ids[k] > MAX_PACKED_ID))) {
                misses--;
                return false;
            }
            info |= (long) ends[k] << (32 + 5 * k);
            if (k > 0) {
                rest |= (long) ids[k] << (21 * (k - 1));
            }
        }
        int back = 4 * slot;
        long[] table = this.table;
        // The set's newest piece goes first; the others move down a way and the oldest is dropped.
        System.arraycopy(table, back, table, back + 4, 4 * (WAYS - 1));
        table[back] = w0;
        table[back + 1] = w1;
        table[back + 2] = info;
        table[back + 3] = rest;
        toFront(w0, w1, info, rest);
        return true;
    }

    /** The piece last missed was found elsewhere (it fits no slot here): not a miss of this table. */
    void servedElsewhere() {
        misses--;
    }
}
