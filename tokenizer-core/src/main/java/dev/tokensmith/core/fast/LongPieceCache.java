package dev.tokensmith.core.fast;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One thread's memory of recent pieces of 17 to 64 bytes and their tokens: the words of scripts written with
 * two or three bytes a character (Cyrillic, Greek, Arabic, CJK...) are that long, are rarely whole tokens, and
 * cost a full merge each time they come back. {@link PieceCache} keeps the short ones. Direct-mapped: a new
 * piece replaces whatever shared its slot.
 *
 * <p>A slot holds the piece's bytes as eight zero-padded little-endian words, its length and token count, and up
 * to {@link #MAX_TOKENS} ids with their byte ends; pieces with more tokens are not remembered.
 */
final class LongPieceCache {
    static final int MIN_BYTES = PieceCache.MAX_BYTES + 1;
    static final int MAX_BYTES = 64;
    private static final int WORDS = MAX_BYTES / 8;
    private static final int MAX_TOKENS = 24;
    private static final int SLOTS = 8192;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] keys = new long[WORDS * SLOTS];
    private final int[] meta = new int[SLOTS]; // len << 8 | count; 0 when empty
    private final int[] ids = new int[MAX_TOKENS * SLOTS];
    private final byte[] ends = new byte[MAX_TOKENS * SLOTS];

    private int slot;

    /**
     * Looks the piece {@code bytes[0, len)} up ({@link #MIN_BYTES} to {@link #MAX_BYTES} bytes; {@code bytes}
     * extends at least 8 bytes past {@code len}). Returns its token count with ids and byte ends copied out when
     * {@code outIds} is not null, or -1 after remembering where a result for it would go ({@link #put}).
     */
    int get(byte[] bytes, int len, int[] outIds, int[] outEnds) {
        int words = (len + 7) >>> 3;
        long h = len;
        for (int w = 0; w < words; w++) {
            h = (h ^ word(bytes, w, len)) * 0x9E3779B97F4A7C15L;
        }
        int s = (int) (h ^ (h >>> 32)) & (SLOTS - 1);
        slot = s;
        int m = meta[s];
        if (m >>> 8 != len) {
            return -1;
        }
        int at = s * WORDS;
        for (int w = 0; w < words; w++) {
            if (keys[at + w] != word(bytes, w, len)) {
                return -1;
            }
        }
        int n = m & 0xFF;
        if (outIds != null) {
            System.arraycopy(ids, s * MAX_TOKENS, outIds, 0, n);
            int from = s * MAX_TOKENS;
            for (int k = 0; k < n; k++) {
                outEnds[k] = ends[from + k] & 0xFF;
            }
        }
        return n;
    }

    /** Remembers the tokens of the piece last passed to {@link #get}, when there are few enough. */
    void put(byte[] bytes, int len, int[] tokenIds, int[] tokenEnds, int n) {
        if (n < 1 || n > MAX_TOKENS) {
            return;
        }
        int s = slot;
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
    }

    /** Word {@code w} of the piece, zero past {@code len}. */
    private static long word(byte[] bytes, int w, int len) {
        long x = (long) LONGS.get(bytes, w << 3);
        int left = len - (w << 3);
        return left >= 8 ? x : x & ((1L << (left << 3)) - 1);
    }
}
