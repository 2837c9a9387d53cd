package dev.tokensmith.core.train;

import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.LongIntMap;
import java.util.Arrays;

/**
 * What one merge step did to pair counts: the summed count change of each pair it touched, and for every
 * pair it formed at least once, the words where it did (HF's {@code where_to_update}: a word is listed
 * even when the same pair was also broken there, which only costs a wasted visit later).
 */
final class PairChanges {
    private LongIntMap slots = new LongIntMap(64);
    private long[] pairs = new long[64];
    private long[] deltas = new long[64];
    private IntList[] formedIn = new IntList[64];
    private int size;

    static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    static int left(long key) {
        return (int) (key >>> 32);
    }

    static int right(long key) {
        return (int) key;
    }

    private int slotOf(long key) {
        int slot = slots.get(key, -1);
        if (slot < 0) {
            slot = size++;
            if (slot == pairs.length) {
                pairs = Arrays.copyOf(pairs, slot * 2);
                deltas = Arrays.copyOf(deltas, slot * 2);
                formedIn = Arrays.copyOf(formedIn, slot * 2);
            }
            slots.put(key, slot, -1);
            pairs[slot] = key;
            deltas[slot] = 0;
            formedIn[slot] = null;
        }
        return slot;
    }

    void add(int left, int right, long delta, int word) {
        int slot = slotOf(key(left, right));
        deltas[slot] += delta;
        if (delta > 0) {
            IntList words = formedIn[slot];
            if (words == null) {
                words = formedIn[slot] = new IntList(4);
            }
            if (words.isEmpty() || words.get(words.size() - 1) != word) {
                words.add(word);
            }
        }
    }

    /** Adds what another thread recorded over a disjoint set of words. */
    void absorb(PairChanges other) {
        for (int i = 0; i < other.size; i++) {
            long key = other.pairs[i];
            int slot = slotOf(key);
            deltas[slot] += other.deltas[i];
            IntList words = other.formedIn[i];
            if (words != null) {
                IntList mine = formedIn[slot];
                if (mine == null) {
                    mine = formedIn[slot] = new IntList(words.size());
                }
                for (int j = 0; j < words.size(); j++) {
                    mine.add(words.get(j));
                }
            }
        }
    }

    int size() {
        return size;
    }

    long pair(int i) {
        return pairs[i];
    }

    long delta(int i) {
        return deltas[i];
    }

    /** The words where pair {@code i} was formed, or null when it was only broken. */
    IntList formedIn(int i) {
        return formedIn[i];
    }

    void clear() {
        Arrays.fill(formedIn, 0, size, null);
        size = 0;
        if (slots.size() > 4096) {
            slots = new LongIntMap(64);
        } else {
            slots.clear();
        }
    }
}
