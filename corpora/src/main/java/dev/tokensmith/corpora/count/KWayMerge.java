package dev.tokensmith.corpora.count;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Merges sorted entry sources into one sorted stream, adding the counts of equal keys: a binary heap of the
 * sources ordered by their current key, so each output entry costs O(log k) key comparisons.
 */
final class KWayMerge {
    private KWayMerge() {}

    /** Drains {@code sources} (each sorted and distinct) into {@code sink}; returns the entries written. */
    static long merge(List<? extends EntrySource> sources, EntrySink sink) throws IOException {
        EntrySource[] heap = new EntrySource[sources.size()];
        int n = 0;
        for (EntrySource s : sources) {
            if (s.next()) {
                heap[n++] = s;
            }
        }
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(heap, n, i);
        }
        byte[] key = new byte[64];
        long written = 0;
        while (n > 0) {
            EntrySource top = heap[0];
            int length = top.keyLength();
            if (length > key.length) {
                key = Arrays.copyOf(key, Math.max(length, key.length * 2));
            }
            System.arraycopy(top.key(), top.keyFrom(), key, 0, length);
            long count = 0;
            while (n > 0 && compare(heap[0], key, length) == 0) {
                EntrySource s = heap[0];
                count = Math.addExact(count, s.count());
                if (s.next()) {
                    siftDown(heap, n, 0);
                } else {
                    heap[0] = heap[--n];
                    heap[n] = null;
                    siftDown(heap, n, 0);
                }
            }
            sink.add(key, 0, length, count);
            written++;
        }
        return written;
    }

    private static int compare(EntrySource s, byte[] key, int length) {
        return Arrays.compareUnsigned(s.key(), s.keyFrom(), s.keyFrom() + s.keyLength(), key, 0, length);
    }

    private static int compare(EntrySource a, EntrySource b) {
        return Arrays.compareUnsigned(
                a.key(), a.keyFrom(), a.keyFrom() + a.keyLength(), b.key(), b.keyFrom(), b.keyFrom() + b.keyLength());
    }

    private static void siftDown(EntrySource[] heap, int n, int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) {
                return;
            }
            int m = l + 1 < n && compare(heap[l + 1], heap[l]) < 0 ? l + 1 : l;
            if (compare(heap[m], heap[i]) >= 0) {
                return;
            }
            EntrySource t = heap[m];
            heap[m] = heap[i];
            heap[i] = t;
            i = m;
        }
    }
}
