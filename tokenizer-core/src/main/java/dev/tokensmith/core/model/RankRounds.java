package dev.tokensmith.core.model;

import java.util.Arrays;

/**
 * Merging for long pieces in HF's exact order, lowest (rank, position) first, with less work than a heap of all
 * candidates: a small heap holds the distinct ranks that have candidates, and each rank a list of positions.
 * A rank's positions are merged together, left to right (a pair of two different tokens cannot overlap itself, so
 * their order only matters for runs); when a merge creates a candidate of a rank not above the current one, the
 * rest of the batch goes back to its list and the lower rank goes first, as the heap would have it. Merge lists
 * written by a trainer rarely do that (a token is used only by later merges). Lists that make it happen too often
 * fall back to {@link BpeWord}'s heap. {@link SweepRounds} hands pieces over once their lowest rank is sparse
 * (dense rounds, as in runs of one character, are cheaper swept).
 *
 * <p>Per-thread working object: not thread-safe.
 */
final class RankRounds {
    private final PairRanks pairRanks;
    private final int[] newIds;
    private final int[] mergeLeft;
    private final int[] mergeRight;

    private int[] ids = new int[0];
    private int[] lengths = new int[0];
    private int[] next = new int[0];
    private int[] prev = new int[0];
    // Candidates: linked lists of positions, one per rank.
    private int[] entryPos = new int[0];
    private int[] entryNext = new int[0];
    private int entries;
    private final int[] head; // rank -> first entry, or -1
    private int[] touched = new int[64]; // ranks whose head was set, to reset
    private int touchedSize;
    private int[] rankHeap = new int[64];
    private int rankHeapSize;
    private int[] batch = new int[64];
    private int lowestAdded; // lowest rank queued since the last merge
    private int probe; // where mergesLaterInBatch stopped in the current batch
    private final long[] cacheKeys = new long[4096];
    private final int[] cacheRanks = new int[4096];

    RankRounds(PairRanks pairRanks, int[] newIds, int[] mergeLeft, int[] mergeRight) {
        this.pairRanks = pairRanks;
        this.newIds = newIds;
        this.mergeLeft = mergeLeft;
        this.mergeRight = mergeRight;
        this.head = new int[newIds.length];
        Arrays.fill(head, -1);
        Arrays.fill(cacheKeys, -1L);
    }

    /**
     * Merges the symbols {@code ids[0, n)} ending at byte offsets {@code ends[0, n)}, where {@code pairRanks[i]}
     * is the rank of the pair at {@code i} ({@link SweepRounds#NO_RANK} for none); writes the tokens over {@code
     * ids} and {@code ends} and returns their number, or returns -1 with the arrays untouched when the merge list
     * made rounds too costly (the caller then merges with a heap).
     */
    int merge(int[] symbolIds, int[] symbolEnds, int[] pairRanks, int n) {
        ensure(n);
        int start = 0;
        for (int i = 0; i < n; i++) {
            ids[i] = symbolIds[i];
            lengths[i] = symbolEnds[i] - start;
            start = symbolEnds[i];
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
        }
        entries = 0;
        for (int i = 0; i + 1 < n; i++) {
            if (pairRanks[i] != SweepRounds.NO_RANK) {
                requeue(pairRanks[i], i);
            }
        }
        long budget = 16L * n + 1024; // positions collected before giving up on rounds
        while (rankHeapSize > 0) {
            int rank = popRank();
            int size = collect(rank);
            budget -= size;
            if (budget < 0) {
                reset();
                return -1;
            }
            if (!ascending(size)) {
                Arrays.sort(batch, 0, size);
            }
            probe = 0;
            int newId = newIds[rank];
            int left = mergeLeft[rank];
            int rightId = mergeRight[rank];
            for (int k = 0; k < size; k++) {
                int pos = batch[k];
                int right = next[pos];
                if (lengths[pos] == 0 || right < 0 || ids[pos] != left || ids[right] != rightId) {
                    continue; // stale: a neighbour merged first
                }
                ids[pos] = newId;
                lengths[pos] += lengths[right];
                lengths[right] = 0;
                int after = next[right];
                next[pos] = after;
                lowestAdded = Integer.MAX_VALUE;
                if (after >= 0) {
                    prev[after] = pos;
                    int afterRank = rank(newId, ids[after]);
                    // When the symbol after merges later in this batch, its own merge queues the pair that
                    // matters; queueing this one now would only leave a stale candidate.
                    if (afterRank >= 0 && (afterRank <= rank || !mergesLaterInBatch(after, k, size, left, rightId))) {
                        lowestAdded = Math.min(lowestAdded, afterRank);
                        requeue(afterRank, pos);
                    }
                }
                if (prev[pos] >= 0) {
                    addCandidate(prev[pos], ids[prev[pos]], newId);
                }
                if (lowestAdded <= rank) {
                    for (int j = k + 1; j < size; j++) {
                        requeue(rank, batch[j]);
                    }
                    break;
                }
            }
        }
        reset();
        int count = 0;
        int end = 0;
        for (int s = 0; s != -1; s = next[s]) {
            end += lengths[s];
            symbolIds[count] = ids[s];
            symbolEnds[count] = end;
            count++;
        }
        return count;
    }

    private void reset() {
        for (int t = 0; t < touchedSize; t++) {
            head[touched[t]] = -1;
        }
        touchedSize = 0;
        rankHeapSize = 0;
    }

    private boolean ascending(int size) {
        for (int k = 1; k < size; k++) {
            if (batch[k] < batch[k - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code pos} is queued further on in the batch and its pair is still the batch's. */
    private boolean mergesLaterInBatch(int pos, int k, int size, int left, int right) {
        // Positions asked about grow through a batch, so the search resumes where the last one stopped.
        int j = Math.max(k + 1, probe);
        while (j < size && batch[j] < pos) {
            j++;
        }
        probe = j;
        return j < size && batch[j] == pos && ids[pos] == left && next[pos] >= 0 && ids[next[pos]] == right;
    }

    /** The rank of the pair, through a small direct-mapped cache: long runs ask for the same few pairs. */
    private int rank(int left, int right) {
        long key = Bpe.pairKey(left, right);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 52); // 4096 slots
        if (cacheKeys[slot] == key) {
            return cacheRanks[slot];
        }
        int r = pairRanks.get(left, right, -1);
        cacheKeys[slot] = key;
        cacheRanks[slot] = r;
        return r;
    }

    private void addCandidate(int pos, int left, int right) {
        int rank = rank(left, right);
        if (rank < 0) {
            return;
        }
        lowestAdded = Math.min(lowestAdded, rank);
        requeue(rank, pos);
    }

    /** Queues {@code pos} under {@code rank}, putting the rank on the heap if it had nothing queued. */
    private void requeue(int rank, int pos) {
        if (entries == entryPos.length) {
            int c = Math.max(64, entries * 2);
            entryPos = Arrays.copyOf(entryPos, c);
            entryNext = Arrays.copyOf(entryNext, c);
        }
        int h = head[rank];
        if (h < 0) {
            pushRank(rank);
            if (touchedSize == touched.length) {
                touched = Arrays.copyOf(touched, touchedSize * 2);
            }
            touched[touchedSize++] = rank;
        }
        entryPos[entries] = pos;
        entryNext[entries] = h;
        head[rank] = entries++;
    }

    /** Moves the positions queued for {@code rank} into {@link #batch}, in the order they were queued. */
    private int collect(int rank) {
        int size = 0;
        for (int e = head[rank]; e >= 0; e = entryNext[e]) {
            size++;
        }
        if (size > batch.length) {
            batch = new int[Math.max(size, batch.length * 2)];
        }
        // The list runs newest first; fill from the back so the batch is oldest first (ascending, mostly).
        int k = size;
        for (int e = head[rank]; e >= 0; e = entryNext[e]) {
            batch[--k] = entryPos[e];
        }
        head[rank] = -1;
        return size;
    }

    private void ensure(int n) {
        if (ids.length < n) {
            int c = Math.max(n, ids.length * 2);
            ids = new int[c];
            lengths = new int[c];
            next = new int[c];
            prev = new int[c];
        }
    }

    private void pushRank(int rank) {
        if (rankHeapSize == rankHeap.length) {
            rankHeap = Arrays.copyOf(rankHeap, rankHeapSize * 2);
        }
        int i = rankHeapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (rankHeap[parent] <= rank) {
                break;
            }
            rankHeap[i] = rankHeap[parent];
            i = parent;
        }
        rankHeap[i] = rank;
    }

    private int popRank() {
        int top = rankHeap[0];
        int last = rankHeap[--rankHeapSize];
        int n = rankHeapSize;
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && rankHeap[child + 1] < rankHeap[child]) {
                child++;
            }
            if (rankHeap[child] >= last) {
                break;
            }
            rankHeap[i] = rankHeap[child];
            i = child;
        }
        if (n > 0) {
            rankHeap[i] = last;
        }
        return top;
    }
}
