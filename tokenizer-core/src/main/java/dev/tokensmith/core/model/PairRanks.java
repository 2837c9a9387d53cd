package dev.tokensmith.core.model;

/**
 * Merge ranks by token pair, packed one entry per long ({@code (pair + 1) << 22 | rank}, 0 when empty) so that a
 * probe is one memory access where {@link LongIntMap} makes two; for vocabularies under 2^21 ids and merge lists
 * under 2^22 rules, which is every released one.
 */
final class PairRanks {
    private static final int RANK_BITS = 22;
    private static final long RANK_MASK = (1L << RANK_BITS) - 1;
    private static final int ID_LIMIT = 1 << 21;

    private final long[] table;
    private final int mask;

    private PairRanks(long[] table) {
        this.table = table;
        this.mask = table.length - 1;
    }

    /** The table for the applicable merges ({@code newIds[r] >= 0}), or null when ids or ranks do not fit. */
    static PairRanks of(int[] left, int[] right, int[] newIds) {
        if (newIds.length > RANK_MASK) {
            return null;
        }
        int count = 0;
        for (int r = 0; r < newIds.length; r++) {
            if (newIds[r] >= 0) {
                if (left[r] >= ID_LIMIT || right[r] >= ID_LIMIT) {
                    return null;
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
        return new PairRanks(table);
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
