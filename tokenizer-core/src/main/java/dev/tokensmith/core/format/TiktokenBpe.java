package dev.tokensmith.core.format;

import java.util.Arrays;

/**
 * A reference tiktoken byte-pair encoder for one piece of text (one regex match), written to be obviously the
 * same as tiktoken's {@code _byte_pair_merge}: start from single bytes, and repeatedly merge the adjacent pair
 * whose concatenation has the lowest rank, the leftmost pair on ties, until no adjacent pair is a token. It is
 * quadratic in the piece length; the converter and the tests use it, and the fast encoder belongs to the model
 * package (the speed work), which this serves as an oracle for.
 */
public final class TiktokenBpe {
    private TiktokenBpe() {}

    /**
     * The ranks tiktoken's encoder gives one piece: the piece's own rank when the whole piece is a token (tiktoken
     * looks it up first), otherwise the ranks of the byte-pair merge's parts.
     *
     * @throws IllegalArgumentException when a part is not a token (some single byte has no rank), where
     *     tiktoken itself fails
     */
    public static int[] encode(MergeableRanks ranks, byte[] piece) {
        if (piece.length == 0) {
            return new int[0];
        }
        int whole = ranks.rank(piece);
        if (whole >= 0) {
            return new int[] {whole};
        }
        int[] ends = split(ranks, piece, 0, piece.length, Integer.MAX_VALUE);
        int[] out = new int[ends.length];
        int start = 0;
        for (int i = 0; i < ends.length; i++) {
            out[i] = ranks.rank(piece, start, ends[i]);
            if (out[i] < 0) {
                throw new IllegalArgumentException("byte 0x" + Integer.toHexString(piece[start] & 0xFF) + " at " + start
                        + " has no rank; tiktoken cannot encode this piece");
            }
            start = ends[i];
        }
        return out;
    }

    /**
     * The byte-pair merge of {@code bytes[from..to)}, applying only merges whose resulting token has a rank below
     * {@code rankLimit} ({@code Integer.MAX_VALUE} for all). Returns the end offset of each part, in order; the
     * first part starts at {@code from}.
     */
    public static int[] split(MergeableRanks ranks, byte[] bytes, int from, int to, int rankLimit) {
        return merge(ranks, bytes, from, to, rankLimit, 1);
    }

    /**
     * Where the last merge of {@code token}'s own byte-pair merge joins its two halves: the length of the left
     * half, or -1 when merging the token's bytes does not end in the token itself. This is the one way tiktoken
     * ever builds the token while encoding: the parts inside the token's span are merged in the same order as
     * when the token's bytes stand alone, whatever surrounds them.
     */
    public static int lastMerge(MergeableRanks ranks, byte[] token) {
        if (token.length < 2 || ranks.rank(token) < 0) {
            return -1;
        }
        int[] ends = merge(ranks, token, 0, token.length, Integer.MAX_VALUE, 2);
        // two parts left: their only pair is the whole token, which tiktoken merges next
        return ends.length == 2 ? ends[0] : -1;
    }

    private static int[] merge(MergeableRanks ranks, byte[] bytes, int from, int to, int rankLimit, int minParts) {
        if (from >= to) {
            return new int[0];
        }
        // part i is bytes[bounds[i] .. bounds[i + 1]); n bounds are live
        int[] bounds = new int[to - from + 1];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = from + i;
        }
        int n = bounds.length;
        while (n - 1 > minParts) {
            int best = -1;
            int bestRank = rankLimit;
            for (int i = 0; i + 2 < n; i++) {
                int r = ranks.rank(bytes, bounds[i], bounds[i + 2]);
                if (r >= 0 && r < bestRank) {
                    best = i;
                    bestRank = r;
                }
            }
            if (best < 0) {
                break;
            }
            System.arraycopy(bounds, best + 2, bounds, best + 1, n - best - 2);
            n--;
        }
        return Arrays.copyOfRange(bounds, 1, n);
    }
}
