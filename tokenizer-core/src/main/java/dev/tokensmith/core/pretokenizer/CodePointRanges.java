package dev.tokensmith.core.pretokenizer;

/** Lookup in sorted, disjoint code point ranges stored flat as {first, last, first, last, ...}. */
final class CodePointRanges {
    private CodePointRanges() {}

    static boolean contains(int[] ranges, int c) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (c < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (c > ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
