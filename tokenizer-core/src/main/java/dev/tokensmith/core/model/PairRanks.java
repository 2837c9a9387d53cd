package dev.tokensmith.core.model;

import dev.tokensmith.core.text.LongIntMap;

/**
 * Merge ranks by token pair, packed one entry per long ({@code (pair + 1) << 22 | rank}, 0 when empty) so that a
 * probe is one memory access where {@link LongIntMap} makes two; for vocabularies under 2^21 ids and merge lists
 * under 2^22 rules, which is every released one. Others are answered from the model's {@link LongIntMap}, so
 * callers ask this one table either way.
 */
final class PairRanks {
    private static final int RANK_BITS = 22;
    private static final long RANK_MASK = (1L << RANK_BITS) - 1;
    private static final int ID_LIMIT = 1 << 21;

    private final long[] table; // null when ids or ranks do not fit: then the unpacked map answers
    private final int mask;
    private final LongIntMap unpacked;

    private PairRanks(long[] table, LongIntMap unpacked) {
        this.table = table;
        this.mask = table == null ? 0 : table.length - 1;
        this.unpacked = unpacked;
    }

    /**
     * The ranks of the applicable merges ({@code newIds[r] >= 0}), packed when ids and ranks fit, else read from
     * {@code ranks} (pair key to rank, as {@link Bpe#pairKey} keys it).
     */
    static PairRanks of(int[] left, int[] right, int[] newIds, LongIntMap ranks) {
        if (newIds.length > RANK_MASK) {
            return new PairRanks(null, ranks);
        }
        int count = 0;
        for (int r = 0; r < newIds.length; r++) {
            if (newIds[r] >= 0) {
                if (left[r] >= ID_LIMIT || right[r] >= ID_LIMIT) {
                    return new PairRanks(null, ranks);
                }
                count++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, count) * 2 - 1) << 1;
        long[] table = new long[capacity];
        for (int r = 0; r < newIds.length; r++) {
            if (newIds[r] >= 0) {
                long key = key(left[r], right[r]);
                int i = slot(key, capacity - 1);
                while (table[i] != 0) {
                    i = (i + 1) & (capacity - 1);
                }
                table[i] = ((key + 1) << RANK_BITS) | r;
            }
        }
        return new PairRanks(table, ranks);
    }

    private static long key(int left, int right) {
        return ((long) left << 21) | right;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The rank of merging {@code left} with {@code right}, or {@code missing}. */
    int get(int left, int right, int missing) {
        if (table == null) {
            return unpacked.get(Bpe.pairKey(left, right), missing);
        }
        if (left >= ID_LIMIT || right >= ID_LIMIT) {
            return missing;
        }
        long want = key(left, right) + 1;
        long[] t = table;
        for (int i = slot(want - 1, mask); ; i = (i + 1) & mask) {
            long e = t[i];
            if (e == 0) {
                return missing;
            }
            if (e >>> RANK_BITS == want) {
                return (int) (e & RANK_MASK);
            }
        }
    }
}
