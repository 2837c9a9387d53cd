package dev.tokensmith.corpora.count;

import java.util.Arrays;

/**
 * Sorts keys held in one arena by unsigned byte order, without boxing: a merge sort of entry indices that
 * compares the keys' first eight bytes as one unsigned long and looks at the rest only on a tie.
 */
final class KeySort {
    private KeySort() {}

    /** The entry indices {@code 0..n-1} ordered by their keys {@code arena[starts[e], ends[e])}. */
    static int[] sortedOrder(byte[] arena, int[] starts, int[] ends) {
        int n = starts.length;
        long[] prefix = new long[n];
        for (int e = 0; e < n; e++) {
            long p = 0;
            int s = starts[e];
            int len = Math.min(8, ends[e] - s);
            for (int i = 0; i < 8; i++) {
                p = (p << 8) | (i < len ? arena[s + i] & 0xFF : 0);
            }
            prefix[e] = p;
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = compare(arena, starts, ends, prefix, a[i], a[j]) <= 0 ? a[i++] : a[j++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    private static int compare(byte[] arena, int[] starts, int[] ends, long[] prefix, int x, int y) {
        int c = Long.compareUnsigned(prefix[x], prefix[y]);
        if (c != 0) {
            return c;
        }
        return Arrays.compareUnsigned(arena, starts[x], ends[x], arena, starts[y], ends[y]);
    }
}
