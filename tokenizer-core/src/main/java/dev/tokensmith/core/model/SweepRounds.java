package dev.tokensmith.core.model;

import dev.tokensmith.core.text.LongIntMap;

/**
 * Merging for long pieces while the lowest rank is dense: each round applies every merge of the lowest rank in
 * one left-to-right sweep that compacts the symbols in place, so a 1 MB run of one character costs a few passes
 * over shrinking arrays instead of a candidate list per merge. A sweep moves only token ids and pair ranks: a
 * symbol covers the bytes of its token, so the byte ends are summed from token lengths once, at the end (where a
 * malformed vocabulary gives one id to tokens of different lengths, there are no sweeps). Once the lowest rank is
 * sparse (most text after its first rounds, or from the start), the symbols as they stand go to {@link
 * RankRounds}.
 *
 * <p>Exactness, for every input. HF's state between merges is the symbol sequence alone: its heap holds a
 * candidate for every adjacent pair, and stale candidates never look valid (a symbol only grows, so a candidate
 * whose symbols changed cannot name the pair now there), so restarting HF's merge on the current sequence, with
 * positions renumbered in order, continues the same run of merges. That makes the handover exact, and a round
 * exact when it does what HF's heap does. A round starts with r, the lowest rank of any adjacent pair, and the
 * sweep merges, leftmost first, each pair of rank r whose symbols are both still unmerged. That is HF's order as
 * long as every merge creates pairs of rank above r only: then, after each merge, the valid candidates of rank r
 * all lie to its right (one to its left would have been merged when the sweep passed it, or has lost a symbol),
 * and nothing below r exists, so HF too takes the next pair of rank r to the right, skipping those that lost a
 * symbol to the merge on their left (its stale candidates); when none is left, the next rank is the lowest of
 * all pairs, which the sweep has counted. The ranks of both new pairs are looked up before each merge; when one
 * is at most r (a merge list where a token merges before the pair that makes it; released lists never do, but
 * it is allowed), the sweep stops before that merge and hands the sequence, copied together, over.
 *
 * <p>The sweep also records the rank of every pair it leaves and the lowest one with its count, which chooses
 * the next round: another sweep when its pairs are at least 1/{@value #DENSE} of the symbols (a sweep then costs
 * a few steps per merge: at least half of a round's pairs merge, as only overlapping ones can fail to, so the
 * sweeps cost O(1) per merge and O(n) in all), else the handover.
 *
 * <p>Per-thread working object: not thread-safe.
 */
final class SweepRounds {
    static final int NO_RANK = Integer.MAX_VALUE;

    /** A round sweeps when at least 1/DENSE of the symbols start a pair of the lowest rank. */
    static final int DENSE = 16;

    private final LongIntMap ranks;
    private final PairRanks pairRanks;
    private final int[] newIds;
    private final int[] tokenBytes; // bytes of each token, so that sweeps need not carry ends; null: no sweeps
    private final RankRounds rounds;

    // One-entry memos of the two lookups a merge makes: in a run they repeat from one merge to the next.
    private long leftKey = -1;
    private int leftRank;
    private long rightKey = -1;
    private int rightRank;

    // What this object has done, for tests that must see each path taken.
    long sweepCount;
    long stopCount; // sweeps stopped before a merge that creates a pair of rank at most the round's
    long handOverCount;

    // Set by sweep: the lowest rank left and how many pairs have it.
    private int min;
    private int minCount;

    SweepRounds(
            LongIntMap ranks, PairRanks pairRanks, int[] newIds, int[] mergeLeft, int[] mergeRight, int[] tokenBytes) {
        this.ranks = ranks;
        this.pairRanks = pairRanks;
        this.newIds = newIds;
        this.tokenBytes = tokenBytes;
        this.rounds = new RankRounds(pairRanks, newIds, mergeLeft, mergeRight);
    }

    /** Whether {@link #merge} sweeps, and so needs no byte ends of the symbols it is given. */
    boolean sweeps() {
        return tokenBytes != null;
    }

    /**
     * Merges the symbols {@code ids[0, n)}, where {@code pairRanks[i]} is the rank of the pair at {@code i}
     * ({@link #NO_RANK} for none; {@code pairRanks[n - 1]} is ignored) and {@code lowest} the lowest of them, held
     * by {@code lowestCount} pairs. {@code ends} holds the symbols' byte ends only if this does not {@link
     * #sweeps}. Writes the tokens over {@code ids} and their byte ends over {@code ends} and returns their number;
     * all three arrays are overwritten.
     */
    int merge(int[] ids, int[] ends, int[] pairRanks, int n, int lowest, int lowestCount) {
        int m = n;
        pairRanks[m - 1] = NO_RANK;
        if (tokenBytes == null) {
            return handOver(ids, ends, pairRanks, m);
        }
        min = lowest;
        minCount = lowestCount;
        while (min != NO_RANK) {
            if ((long) minCount * DENSE < m) {
                return handOver(ids, ends, pairRanks, m);
            }
            sweepCount++;
            int after = sweep(ids, pairRanks, m, min);
            if (after < 0) {
                stopCount++;
                return handOver(ids, ends, pairRanks, -after);
            }
            m = after;
        }
        fillEnds(ids, ends, m);
        return m;
    }

    /** The byte ends of symbols {@code ids[0, m)}, from their tokens' lengths. */
    private void fillEnds(int[] ids, int[] ends, int m) {
        int end = 0;
        for (int s = 0; s < m; s++) {
            end += tokenBytes[ids[s]];
            ends[s] = end;
        }
    }

    /**
     * One round for {@code rank}: merges its pairs left to right, compacting in place. Returns the new number of
     * symbols, or its negation when a merge would create a pair of rank at most {@code rank} (the sequence is
     * then whole again, with the pairs' ranks, and that merge not made).
     */
    private int sweep(int[] ids, int[] pr, int m, int rank) {
        int newId = newIds[rank];
        int lowest = NO_RANK;
        int count = 0;
        int w = 0; // symbols written
        int i = 0; // next symbol read
        int pending = NO_RANK; // rank of the pair (last written, next read) when the last written is new
        boolean lastNew = false;
        while (i < m) {
            int pairRank;
            if (pr[i] == rank) {
                int right = i + 2 < m ? rightRank(newId, ids[i + 2]) : NO_RANK;
                int left = w > 0 ? leftRank(ids[w - 1], newId) : NO_RANK;
                if (right <= rank || left <= rank) {
                    if (w > 0) {
                        pr[w - 1] = lastNew ? pending : pr[i - 1];
                    }
                    System.arraycopy(ids, i, ids, w, m - i);
                    System.arraycopy(pr, i, pr, w, m - i);
                    return -(w + m - i);
                }
                ids[w] = newId;
                pairRank = left;
                pending = right;
                lastNew = true;
                i += 2;
            } else {
                pairRank = lastNew ? pending : (w > 0 ? pr[i - 1] : NO_RANK);
                ids[w] = ids[i];
                lastNew = false;
                i++;
            }
            if (w > 0) {
                pr[w - 1] = pairRank;
                if (pairRank <= lowest) {
                    if (pairRank < lowest) {
                        lowest = pairRank;
                        count = 0;
                    }
                    count++;
                }
            }
            w++;
        }
        pr[w - 1] = NO_RANK;
        min = lowest;
        minCount = count;
        return w;
    }

    private int handOver(int[] ids, int[] ends, int[] pr, int m) {
        handOverCount++;
        if (tokenBytes != null) {
            fillEnds(ids, ends, m);
        }
        pr[m - 1] = NO_RANK;
        int count = rounds.merge(ids, ends, pr, m);
        if (count >= 0) {
            return count;
        }
        // The merge list made rank rounds too costly: the heap, from the same sequence.
        BpeWord word = new BpeWord(m);
        int start = 0;
        for (int s = 0; s < m; s++) {
            word.add(ids[s], ends[s] - start);
            start = ends[s];
        }
        word.mergeAll(ranks, newIds, 0f, null);
        count = 0;
        int end = 0;
        for (int s = 0; s != -1; s = word.next[s]) {
            end += word.lengths[s];
            ids[count] = word.ids[s];
            ends[count] = end;
            count++;
        }
        return count;
    }

    private int leftRank(int left, int right) {
        long key = Bpe.pairKey(left, right);
        if (key != leftKey) {
            leftKey = key;
            leftRank = lookup(left, right);
        }
        return leftRank;
    }

    private int rightRank(int left, int right) {
        long key = Bpe.pairKey(left, right);
        if (key != rightKey) {
            rightKey = key;
            rightRank = lookup(left, right);
        }
        return rightRank;
    }

    private int lookup(int left, int right) {
        return pairRanks.get(left, right, NO_RANK);
    }
}
