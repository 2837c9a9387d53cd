package dev.tokensmith.core.fast;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One thread's memory of recent pieces and their tokens, for pieces of at most 16 bytes: text repeats a few
 * thousand short pieces, and remembering their tokens in a table that stays in the fastest caches skips both the
 * vocabulary lookup (a cache miss in a table of megabytes) and the merging (several more). Direct-mapped: a new
 * piece replaces whatever shared its slot.
 */
final class PieceCache {
    static final int MAX_BYTES = 16;
    static final int MAX_TOKENS = 4;
    private static final int SLOTS = 16384;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] keys = new long[2 * SLOTS]; // first and second eight bytes, zero-padded
    private final int[] lengths = new int[SLOTS]; // byte length << 8 | token count; 0 = empty
    private final int[] tokens = new int[2 * MAX_TOKENS * SLOTS]; // ids, then byte ends

    private long w0;
    private long w1;
    private int slot;

    /**
     * Looks the piece {@code bytes[0, len)} up (len at most {@link #MAX_BYTES}; {@code bytes} extends at least
     * 16 bytes). Returns its token count with ids and ends copied out, or -1 after remembering where a result
     * for it would go ({@link #put}).
     */
    int get(byte[] bytes, int len, int[] ids, int[] ends) {
        long a = (long) LONGS.get(bytes, 0);
        long b = (long) LONGS.get(bytes, 8);
        if (len < 8) {
            a &= (1L << (len << 3)) - 1;
            b = 0;
        } else if (len < 16) {
            b &= (1L << ((len - 8) << 3)) - 1;
        }
        long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL) ^ len;
        int s = (int) (h ^ (h >>> 29) ^ (h >>> 43)) & (SLOTS - 1);
        w0 = a;
        w1 = b;
        slot = s;
        int meta = lengths[s];
        if ((meta >>> 8) != len || keys[2 * s] != a || keys[2 * s + 1] != b) {
            return -1;
        }
        int n = meta & 0xFF;
        int at = 2 * MAX_TOKENS * s;
        System.arraycopy(tokens, at, ids, 0, n);
        System.arraycopy(tokens, at + MAX_TOKENS, ends, 0, n);
        return n;
    }

    /** Remembers the tokens of the piece last passed to {@link #get}, when they fit. */
    void put(int len, int[] ids, int[] ends, int n) {
        if (n > MAX_TOKENS) {
            return;
        }
        int s = slot;
        keys[2 * s] = w0;
        keys[2 * s + 1] = w1;
        lengths[s] = (len << 8) | n;
        int at = 2 * MAX_TOKENS * s;
        System.arraycopy(ids, 0, tokens, at, n);
        System.arraycopy(ends, 0, tokens, at + MAX_TOKENS, n);
    }
}
