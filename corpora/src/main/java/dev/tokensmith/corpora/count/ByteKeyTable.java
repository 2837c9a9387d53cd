package dev.tokensmith.corpora.count;

import java.util.Arrays;

/**
 * Counts byte-string keys without objects: an open-addressing table (linear probing) of entry indices, the keys
 * back to back in one byte arena, and parallel primitive arrays for their offsets, hashes and counts. One per
 * worker; not thread-safe.
 */
final class ByteKeyTable {
    /** Arena, offsets, hashes, counts and two slots: about 32 bytes an entry to begin with. */
    private static final int BYTES_PER_ENTRY = 32;

    private final int initialEntries;
    private byte[] arena;
    private int arenaLength;
    private int[] offsets; // key i is arena[offsets[i], offsets[i + 1])
    private int[] hashes;
    private long[] counts;
    private int[] slots; // entry index + 1; 0 is empty
    private int mask;
    private int size;
    private long memoryBytes;

    /** A table whose first arrays take at most about a quarter of {@code budget} (and at least 16 entries). */
    ByteKeyTable(long budget) {
        long entries = Math.clamp(budget / (4 * BYTES_PER_ENTRY), 16, 1 << 14);
        initialEntries = (int) Long.highestOneBit(entries);
        allocate(initialEntries, initialEntries * 8);
    }

    private void allocate(int entries, int arenaBytes) {
        arena = new byte[arenaBytes];
        offsets = new int[entries + 1];
        hashes = new int[entries];
        counts = new long[entries];
        slots = new int[entries * 2];
        mask = slots.length - 1;
        arenaLength = 0;
        size = 0;
        updateMemory();
    }

    private void updateMemory() {
        memoryBytes = arena.length + 4L * offsets.length + 4L * hashes.length + 8L * counts.length + 4L * slots.length;
    }

    /** The bytes this table's arrays take (what the memory budget is checked against). */
    long memoryBytes() {
        return memoryBytes;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds {@code count} to the key {@code key[from, from + length)}. */
    void add(byte[] key, int from, int length, long count) {
        int h = hash(key, from, length);
        int slot = h & mask;
        while (true) {
            int e = slots[slot] - 1;
            if (e < 0) {
                break;
            }
            if (hashes[e] == h && Arrays.equals(arena, offsets[e], offsets[e + 1], key, from, from + length)) {
                counts[e] += count;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size == counts.length || arenaLength + length > arena.length) {
            grow(length);
            slot = h & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
        }
        System.arraycopy(key, from, arena, arenaLength, length);
        arenaLength += length;
        hashes[size] = h;
        counts[size] = count;
        offsets[size + 1] = arenaLength;
        size++;
        slots[slot] = size;
    }

    private void grow(int keyLength) {
        if (arenaLength + keyLength > arena.length) {
            long need = Math.max(2L * arena.length, (long) arenaLength + keyLength);
            arena = Arrays.copyOf(arena, Math.toIntExact(Math.min(need, Integer.MAX_VALUE - 16)));
        }
        if (size == counts.length) {
            int entries = counts.length * 2;
            offsets = Arrays.copyOf(offsets, entries + 1);
            hashes = Arrays.copyOf(hashes, entries);
            counts = Arrays.copyOf(counts, entries);
            slots = new int[entries * 2];
            mask = slots.length - 1;
            for (int e = 0; e < size; e++) {
                int slot = hashes[e] & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = e + 1;
            }
        }
        updateMemory();
    }

    /** Empties the table; shrinks back to the initial size when it had grown past {@code keepBytes}. */
    void clear(long keepBytes) {
        if (memoryBytes > keepBytes) {
            allocate(initialEntries, initialEntries * 8);
        } else {
            Arrays.fill(slots, 0);
            arenaLength = 0;
            size = 0;
        }
    }

    byte[] arena() {
        return arena;
    }

    int start(int e) {
        return offsets[e];
    }

    int end(int e) {
        return offsets[e + 1];
    }

    long count(int e) {
        return counts[e];
    }

    /** FNV-1a over the bytes, finished with a murmur3 mix so that linear probing sees well-spread low bits. */
    static int hash(byte[] key, int from, int length) {
        int h = 0x811C9DC5;
        for (int i = from, end = from + length; i < end; i++) {
            h = (h ^ key[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}
