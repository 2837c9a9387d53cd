package dev.tokensmith.core.format;

import java.util.Arrays;

/**
 * A tiktoken vocabulary: token bytes to rank (the rank is both the token id and the merge priority). Stored
 * compactly for vocabularies of a few hundred thousand tokens: one byte array holding every token, an offset
 * array, a rank array and an open-addressing hash table of entry indices, so that lookups of a slice of a byte
 * array allocate nothing. Entries are kept in ascending rank order. Immutable and thread-safe.
 */
public final class MergeableRanks {
    private static final int EMPTY = -1;

    private final byte[] data;
    private final int[] starts; // entry i is data[starts[i] .. starts[i + 1])
    private final int[] ranks; // ascending
    private final int[] table; // entry index or EMPTY
    private final int mask;

    private MergeableRanks(byte[] data, int[] starts, int[] ranks) {
        this.data = data;
        this.starts = starts;
        this.ranks = ranks;
        int capacity = tableCapacity(ranks.length);
        this.table = new int[capacity];
        this.mask = capacity - 1;
        Arrays.fill(table, EMPTY);
        for (int i = 0; i < ranks.length; i++) {
            int slot = hash(data, starts[i], starts[i + 1]) & mask;
            while (table[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i;
        }
    }

    /** A builder expecting about {@code expectedSize} tokens. */
    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    /** Number of tokens. */
    public int size() {
        return ranks.length;
    }

    /** The largest rank, or -1 when there are no tokens. */
    public int maxRank() {
        return ranks.length == 0 ? -1 : ranks[ranks.length - 1];
    }

    /** The rank of {@code token}, or -1 when it is not a token. */
    public int rank(byte[] token) {
        return rank(token, 0, token.length);
    }

    /** The rank of the bytes {@code token[from..to)}, or -1 when they are not a token. */
    public int rank(byte[] token, int from, int to) {
        int slot = hash(token, from, to) & mask;
        int len = to - from;
        while (true) {
            int e = table[slot];
            if (e == EMPTY) {
                return -1;
            }
            int s = starts[e];
            if (starts[e + 1] - s == len && Arrays.equals(data, s, s + len, token, from, to)) {
                return ranks[e];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Whether some token has this rank. */
    public boolean containsRank(int rank) {
        return Arrays.binarySearch(ranks, rank) >= 0;
    }

    /** The bytes of the token with this rank, or null when no token has it. */
    public byte[] bytes(int rank) {
        int e = Arrays.binarySearch(ranks, rank);
        return e < 0 ? null : bytesAt(e);
    }

    /** The rank of the {@code index}-th token in rank order. */
    public int rankAt(int index) {
        return ranks[index];
    }

    /** The bytes of the {@code index}-th token in rank order. */
    public byte[] bytesAt(int index) {
        return Arrays.copyOfRange(data, starts[index], starts[index + 1]);
    }

    /** The length in bytes of the {@code index}-th token in rank order. */
    public int lengthAt(int index) {
        return starts[index + 1] - starts[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MergeableRanks other
                && Arrays.equals(ranks, other.ranks)
                && Arrays.equals(starts, other.starts)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ranks) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "MergeableRanks[" + size() + " tokens, max rank " + maxRank() + "]";
    }

    static int hash(byte[] b, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private static int tableCapacity(int entries) {
        int capacity = 16;
        while (capacity < entries * 2) {
            capacity <<= 1;
        }
        return capacity;
    }

    /** Collects tokens, rejecting a token or a rank seen twice. Not thread-safe. */
    public static final class Builder {
        private byte[] data;
        private int dataSize;
        private int[] starts;
        private int[] ranks;
        private int size;
        private int[] tokenTable; // entry index or EMPTY
        private int[] rankTable; // entry index or EMPTY, keyed by rank

        private Builder(int expectedSize) {
            int n = Math.max(16, expectedSize);
            data = new byte[n * 8];
            starts = new int[n + 1];
            ranks = new int[n];
            tokenTable = emptyTable(tableCapacity(n));
            rankTable = emptyTable(tableCapacity(n));
        }

        /**
         * Adds a token.
         *
         * @throws IllegalArgumentException when the token is empty, the rank negative, or the token or the rank
         *     was already added (the message says which)
         */
        public Builder add(byte[] token, int rank) {
            if (token.length == 0) {
                throw new IllegalArgumentException("empty token");
            }
            if (rank < 0) {
                throw new IllegalArgumentException("negative rank " + rank);
            }
            int existing = findToken(token);
            if (existing != EMPTY) {
                throw new IllegalArgumentException(
                        "duplicate token (already has rank " + ranks[existing] + "), given rank " + rank);
            }
            if (findRank(rank) != EMPTY) {
                throw new IllegalArgumentException("duplicate rank " + rank);
            }
            if (size == ranks.length) {
                grow();
            }
            if (dataSize + token.length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, dataSize + token.length));
            }
            System.arraycopy(token, 0, data, dataSize, token.length);
            starts[size] = dataSize;
            dataSize += token.length;
            starts[size + 1] = dataSize;
            ranks[size] = rank;
            insert(tokenTable, hash(token, 0, token.length), size);
            insert(rankTable, mixRank(rank), size);
            size++;
            return this;
        }

        /** Number of tokens added so far. */
        public int size() {
            return size;
        }

        public MergeableRanks build() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = ranks[i - 1] < ranks[i];
            }
            if (sorted) {
                return new MergeableRanks(
                        Arrays.copyOf(data, dataSize), Arrays.copyOf(starts, size + 1), Arrays.copyOf(ranks, size));
            }
            long[] order = new long[size]; // rank in the high half, entry in the low half
            for (int i = 0; i < size; i++) {
                order[i] = ((long) ranks[i] << 32) | i;
            }
            Arrays.sort(order);
            byte[] d = new byte[dataSize];
            int[] s = new int[size + 1];
            int[] r = new int[size];
            int pos = 0;
            for (int i = 0; i < size; i++) {
                int e = (int) order[i];
                int len = starts[e + 1] - starts[e];
                System.arraycopy(data, starts[e], d, pos, len);
                s[i] = pos;
                pos += len;
                r[i] = ranks[e];
            }
            s[size] = pos;
            return new MergeableRanks(d, s, r);
        }

        private int findToken(byte[] token) {
            int m = tokenTable.length - 1;
            int slot = hash(token, 0, token.length) & m;
            while (true) {
                int e = tokenTable[slot];
                if (e == EMPTY) {
                    return EMPTY;
                }
                if (Arrays.equals(data, starts[e], starts[e + 1], token, 0, token.length)) {
                    return e;
                }
                slot = (slot + 1) & m;
            }
        }

        private int findRank(int rank) {
            int m = rankTable.length - 1;
            int slot = mixRank(rank) & m;
            while (true) {
                int e = rankTable[slot];
                if (e == EMPTY) {
                    return EMPTY;
                }
                if (ranks[e] == rank) {
                    return e;
                }
                slot = (slot + 1) & m;
            }
        }

        private void grow() {
            int n = ranks.length * 2;
            ranks = Arrays.copyOf(ranks, n);
            starts = Arrays.copyOf(starts, n + 1);
            tokenTable = emptyTable(tableCapacity(n));
            rankTable = emptyTable(tableCapacity(n));
            for (int i = 0; i < size; i++) {
                insert(tokenTable, hash(data, starts[i], starts[i + 1]), i);
                insert(rankTable, mixRank(ranks[i]), i);
            }
        }

        private static void insert(int[] table, int hash, int entry) {
            int m = table.length - 1;
            int slot = hash & m;
            while (table[slot] != EMPTY) {
                slot = (slot + 1) & m;
            }
            table[slot] = entry;
        }

        private static int mixRank(int rank) {
            int h = rank * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        private static int[] emptyTable(int capacity) {
            int[] t = new int[capacity];
            Arrays.fill(t, EMPTY);
            return t;
        }
    }
}
