package dev.tokensmith.corpora.count;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Counts byte-string keys without objects: an open-addressing table (linear probing) whose slots hold, side by
 * side in one {@code long[]}, the key's hash with its entry index and the key's count, so that a probe and a
 * count update touch one cache line; the keys lie back to back in one byte arena, found through an offsets array
 * only to confirm a hash match. One per worker; not thread-safe.
 */
final class ByteKeyTable {
    /** Arena (8), offset (4) and two slots of 16 bytes: about 44 bytes an entry to begin with. */
    private static final int BYTES_PER_ENTRY = 44;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int initialEntries;
    private byte[] arena;
    private int arenaLength;
    private int[] offsets; // key e is arena[offsets[e], offsets[e + 1])
    private long[] slots; // [2s] = hash << 32 | (entry + 1), 0 when empty; [2s + 1] = count
    private int mask;
    private int capacity;
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
        capacity = entries;
        slots = new long[4 * entries];
        mask = 2 * entries - 1;
        arenaLength = 0;
        size = 0;
        updateMemory();
    }

    private void updateMemory() {
        memoryBytes = arena.length + 4L * offsets.length + 8L * slots.length;
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
            long s = slots[2 * slot];
            if (s == 0) {
                break;
            }
            if ((int) (s >>> 32) == h) {
                int e = (int) s - 1;
                if (Arrays.equals(arena, offsets[e], offsets[e + 1], key, from, from + length)) {
                    slots[2 * slot + 1] += count;
                    return;
                }
            }
            slot = (slot + 1) & mask;
        }
        if (size == capacity || arenaLength + length > arena.length) {
            grow(length);
            slot = h & mask;
            while (slots[2 * slot] != 0) {
                slot = (slot + 1) & mask;
            }
        }
        System.arraycopy(key, from, arena, arenaLength, length);
        arenaLength += length;
        offsets[size + 1] = arenaLength;
        size++;
        slots[2 * slot] = ((long) h << 32) | size;
        slots[2 * slot + 1] = count;
    }

    private void grow(int keyLength) {
        if (arenaLength + keyLength > arena.length) {
            long need = Math.max(2L * arena.length, (long) arenaLength + keyLength);
            arena = Arrays.copyOf(arena, Math.toIntExact(Math.min(need, Integer.MAX_VALUE - 16)));
        }
        if (size == capacity) {
            capacity *= 2;
            offsets = Arrays.copyOf(offsets, capacity + 1);
            long[] old = slots;
            slots = new long[4 * capacity];
            mask = 2 * capacity - 1;
            for (int i = 0; i < old.length; i += 2) {
                if (old[i] != 0) {
                    int slot = (int) (old[i] >>> 32) & mask;
                    while (slots[2 * slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slots[2 * slot] = old[i];
                    slots[2 * slot + 1] = old[i + 1];
                }
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

    /** The count of every entry, by entry index. */
    long[] counts() {
        long[] counts = new long[size];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != 0) {
                counts[(int) slots[i] - 1] = slots[i + 1];
            }
        }
        return counts;
    }

    /**
     * A word-at-a-time hash: eight bytes per multiply (most pre-tokens fit one word), then a 64-bit finalizer so
     * that linear probing sees well-spread low bits.
     */
    static int hash(byte[] key, int from, int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = from;
        int end = from + length;
        for (; i + 8 <= end; i += 8) {
            h = Long.rotateLeft((h ^ (long) LONGS.get(key, i)) * 0x9E3779B97F4A7C15L, 29);
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
            tail |= (key[i] & 0xFFL) << shift;
        }
        h = (h ^ tail) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 32;
        h *= 0x165667B19E3779F9L;
        h ^= h >>> 29;
        return (int) h ^ (int) (h >>> 32);
    }
}
