package dev.tokensmith.core.train;

import java.util.Arrays;

/**
 * The corpus as the merge loop sees it: every distinct pre-token as a run of symbol ids with its count,
 * stored flat (one {@code int[]} for all symbols) so that a large corpus costs four bytes per character
 * plus twelve per distinct pre-token. A merge rewrites a word in place; words only get shorter.
 */
final class TrainingWords {
    private int[] symbols = new int[1 << 16];
    private int symbolCount;
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private long[] counts = new long[1024];
    private int size;

    void add(int[] word, int length, long count) {
        if (size == starts.length) {
            int n = size * 2;
            starts = Arrays.copyOf(starts, n);
            lengths = Arrays.copyOf(lengths, n);
            counts = Arrays.copyOf(counts, n);
        }
        if (symbolCount + length > symbols.length) {
            long grown = Math.max((long) symbols.length * 2, (long) symbolCount + length);
            if (grown > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException(
                        "more than 2^31 characters in distinct pre-tokens; count with a coarser pre-tokenizer");
            }
            symbols = Arrays.copyOf(symbols, (int) grown);
        }
        System.arraycopy(word, 0, symbols, symbolCount, length);
        starts[size] = symbolCount;
        lengths[size] = length;
        counts[size] = count;
        symbolCount += length;
        size++;
    }

    int size() {
        return size;
    }

    long count(int word) {
        return counts[word];
    }

    int length(int word) {
        return lengths[word];
    }

    int symbol(int word, int i) {
        return symbols[starts[word] + i];
    }

    /**
     * Replaces each occurrence of (left, right) in the word, scanning left to right as HF's
     * {@code Word::merge} does, and reports the pair changes HF reports: the pairs the merge broke (-1)
     * and the pairs it formed (+1) unless the formed token would reach {@code maxLength} characters.
     */
    void merge(int word, int left, int right, int merged, int[] charLength, int maxLength, PairChanges changes) {
        int[] s = symbols;
        int base = starts[word];
        int n = lengths[word];
        long count = counts[word];
        int out = 0;
        int r = 0;
        while (r < n) {
            if (s[base + r] == left && r + 1 < n && s[base + r + 1] == right) {
                int mergedLength = charLength[merged];
                if (out > 0) {
                    int prev = s[base + out - 1];
                    changes.add(prev, left, -count, word);
                    if (charLength[prev] + mergedLength < maxLength) {
                        changes.add(prev, merged, count, word);
                    }
                }
                if (r + 2 < n) {
                    int next = s[base + r + 2];
                    changes.add(right, next, -count, word);
                    if (charLength[next] + mergedLength < maxLength) {
                        changes.add(merged, next, count, word);
                    }
                }
                s[base + out++] = merged;
                r += 2;
            } else {
                s[base + out++] = s[base + r++];
            }
        }
        lengths[word] = out;
    }
}
