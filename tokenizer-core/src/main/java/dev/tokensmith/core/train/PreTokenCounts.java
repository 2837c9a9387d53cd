package dev.tokensmith.core.train;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How often each pre-token occurs in a corpus: the input of a trainer.
 *
 * <p>A pre-token is one string the normalizer and pre-tokenizer produced (for byte-level pipelines that
 * is the mapped form, {@code "Ġthe"}), stored as its UTF-8 bytes. Entries are sorted by unsigned byte
 * order and each pre-token appears once, so two counts built from the same corpus in any order or on any
 * number of machines are {@link #equals equal}, and merging sorted counts is a linear pass. Counts are
 * 64-bit: a single pre-token may occur more than 2<sup>31</sup> times in a large corpus.
 *
 * <pre>{@code
 * PreTokenCounts counts = PreTokenCounts.builder().add("Ġthe", 3).add("Ġcat", 1).build();
 * counts.count(counts.indexOf("Ġthe")); // 3
 * }</pre>
 */
public final class PreTokenCounts {
    private static final PreTokenCounts EMPTY = new PreTokenCounts(new byte[0], new int[] {0}, new long[0]);

    private final byte[] data;
    private final int[] offsets;
    private final long[] counts;

    private PreTokenCounts(byte[] data, int[] offsets, long[] counts) {
        this.data = data;
        this.offsets = offsets;
        this.counts = counts;
    }

    public static PreTokenCounts empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Counts that are already sorted and distinct, as a merge of sorted runs or a counts file yields
     * them; {@link SortedAppender#add} rejects an entry that is not strictly after the previous one.
     */
    public static SortedAppender sortedAppender() {
        return new SortedAppender();
    }

    /** The number of distinct pre-tokens. */
    public int size() {
        return counts.length;
    }

    public boolean isEmpty() {
        return counts.length == 0;
    }

    /** A copy of the {@code i}-th pre-token's UTF-8 bytes. */
    public byte[] bytes(int i) {
        return Arrays.copyOfRange(data, offsets[i], offsets[i + 1]);
    }

    public int byteLength(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** The {@code i}-th pre-token as text. */
    public String token(int i) {
        return new String(data, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }

    public long count(int i) {
        return counts[i];
    }

    /** The sum of all counts: the number of pre-tokens in the corpus. */
    public long total() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** The index of a pre-token, or a negative number when it is absent. */
    public int indexOf(byte[] token) {
        int lo = 0;
        int hi = counts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareAt(mid, token, 0, token.length);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    public int indexOf(String token) {
        return indexOf(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The count of a pre-token, 0 when absent. */
    public long countOf(String token) {
        int i = indexOf(token);
        return i < 0 ? 0 : counts[i];
    }

    /** The entries of both, counts of the same pre-token added. */
    public PreTokenCounts merge(PreTokenCounts other) {
        return mergeAll(List.of(this, other));
    }

    /** The entries of all, counts of the same pre-token added (a k-way merge of sorted entries). */
    public static PreTokenCounts mergeAll(Collection<PreTokenCounts> parts) {
        List<PreTokenCounts> nonEmpty = parts.stream().filter(p -> !p.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return EMPTY;
        }
        if (nonEmpty.size() == 1) {
            return nonEmpty.getFirst();
        }
        int k = nonEmpty.size();
        int[] pos = new int[k];
        SortedAppender out = new SortedAppender();
        while (true) {
            int min = -1;
            for (int j = 0; j < k; j++) {
                PreTokenCounts p = nonEmpty.get(j);
                if (pos[j] < p.size() && (min < 0 || compare(p, pos[j], nonEmpty.get(min), pos[min]) < 0)) {
                    min = j;
                }
            }
            if (min < 0) {
                return out.build();
            }
            PreTokenCounts m = nonEmpty.get(min);
            int at = pos[min];
            long sum = 0;
            for (int j = 0; j < k; j++) {
                PreTokenCounts p = nonEmpty.get(j);
                if (pos[j] < p.size() && compare(p, pos[j], m, at) == 0) {
                    sum = Math.addExact(sum, p.counts[pos[j]]);
                    pos[j]++;
                }
            }
            out.add(m.data, m.offsets[at], m.offsets[at + 1] - m.offsets[at], sum);
        }
    }

    private static int compare(PreTokenCounts a, int i, PreTokenCounts b, int j) {
        return Arrays.compareUnsigned(a.data, a.offsets[i], a.offsets[i + 1], b.data, b.offsets[j], b.offsets[j + 1]);
    }

    private int compareAt(int i, byte[] key, int from, int to) {
        return Arrays.compareUnsigned(data, offsets[i], offsets[i + 1], key, from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreTokenCounts other
                && Arrays.equals(counts, other.counts)
                && Arrays.equals(offsets, other.offsets)
                && Arrays.equals(
                        data, 0, offsets[offsets.length - 1], other.data, 0, other.offsets[other.offsets.length - 1]);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(counts), Arrays.hashCode(offsets));
    }

    @Override
    public String toString() {
        return "PreTokenCounts[" + size() + " pre-tokens, total " + total() + "]";
    }

    /** Accumulates counts in any order; {@link #build} sorts them. Not thread-safe. */
    public static final class Builder {
        private final java.util.HashMap<Key, long[]> map = new java.util.HashMap<>();

        private Builder() {}

        public Builder add(String token, long count) {
            return add(token.getBytes(StandardCharsets.UTF_8), count);
        }

        public Builder add(byte[] token, long count) {
            if (count < 0) {
                throw new IllegalArgumentException("negative count " + count);
            }
            long[] c = map.computeIfAbsent(new Key(token.clone()), k -> new long[1]);
            c[0] = Math.addExact(c[0], count);
            return this;
        }

        public Builder addAll(PreTokenCounts counts) {
            for (int i = 0; i < counts.size(); i++) {
                add(counts.bytes(i), counts.count(i));
            }
            return this;
        }

        public PreTokenCounts build() {
            Key[] keys = map.keySet().toArray(new Key[0]);
            Arrays.sort(keys, (a, b) -> Arrays.compareUnsigned(a.bytes, b.bytes));
            SortedAppender out = new SortedAppender();
            for (Key k : keys) {
                out.add(k.bytes, 0, k.bytes.length, map.get(k)[0]);
            }
            return out.build();
        }

        private record Key(byte[] bytes) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && Arrays.equals(bytes, k.bytes);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(bytes);
            }

            @Override
            public String toString() {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
    }

    /** Appends entries that arrive sorted and distinct. Not thread-safe. */
    public static final class SortedAppender {
        private byte[] data = new byte[1024];
        private int dataLength;
        private int[] offsets = new int[257];
        private long[] counts = new long[256];
        private int size;

        private SortedAppender() {}

        public SortedAppender add(byte[] token, long count) {
            return add(token, 0, token.length, count);
        }

        public SortedAppender add(byte[] token, int from, int length, long count) {
            if (count < 0) {
                throw new IllegalArgumentException("negative count " + count);
            }
            if (size > 0
                    && Arrays.compareUnsigned(data, offsets[size - 1], dataLength, token, from, from + length) >= 0) {
                throw new IllegalArgumentException("pre-tokens out of order: \""
                        + new String(token, from, length, StandardCharsets.UTF_8)
                        + "\" after \""
                        + new String(data, offsets[size - 1], dataLength - offsets[size - 1], StandardCharsets.UTF_8)
                        + "\"");
            }
            if (dataLength + length > data.length) {
                data = Arrays.copyOf(
                        data, Math.toIntExact(Math.max((long) data.length * 2, (long) dataLength + length)));
            }
            if (size == counts.length) {
                counts = Arrays.copyOf(counts, size * 2);
                offsets = Arrays.copyOf(offsets, size * 2 + 1);
            }
            System.arraycopy(token, from, data, dataLength, length);
            dataLength += length;
            counts[size] = count;
            offsets[++size] = dataLength;
            return this;
        }

        public int size() {
            return size;
        }

        public PreTokenCounts build() {
            if (size == 0) {
                return EMPTY;
            }
            return new PreTokenCounts(
                    Arrays.copyOf(data, dataLength), Arrays.copyOf(offsets, size + 1), Arrays.copyOf(counts, size));
        }
    }
}
