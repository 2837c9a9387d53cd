package dev.tokensmith.corpora.count;

import dev.tokensmith.core.text.ByteLevelAlphabet;
import java.nio.charset.StandardCharsets;

/**
 * A snapshot of a {@link ByteKeyTable}'s entries in unsigned byte order, as an {@link EntrySource}. Byte-level
 * tables hold raw UTF-8 pieces (shorter to hash); their keys are rewritten here, once per distinct key, into the
 * byte-level alphabet's UTF-8 before sorting, since the order is that of the rewritten keys.
 */
final class SortedTable implements EntrySource {
    /** For each byte, its byte-level alphabet character as UTF-8 (1 or 2 bytes). */
    private static final byte[][] BYTE_LEVEL_UTF8 = new byte[256][];

    static {
        for (int b = 0; b < 256; b++) {
            BYTE_LEVEL_UTF8[b] = String.valueOf(ByteLevelAlphabet.charOf(b)).getBytes(StandardCharsets.UTF_8);
        }
    }

    private final byte[] arena;
    private final int[] starts;
    private final int[] ends;
    private final long[] counts;
    private final int[] order;
    private int at = -1;

    SortedTable(ByteKeyTable table, boolean byteLevelKeys) {
        int n = table.size();
        starts = new int[n];
        ends = new int[n];
        counts = table.counts();
        if (byteLevelKeys) {
            byte[] src = table.arena();
            long mappedLength = 0;
            for (int e = 0; e < n; e++) {
                for (int i = table.start(e); i < table.end(e); i++) {
                    mappedLength += BYTE_LEVEL_UTF8[src[i] & 0xFF].length;
                }
            }
            arena = new byte[Math.toIntExact(mappedLength)];
            int w = 0;
            for (int e = 0; e < n; e++) {
                starts[e] = w;
                for (int i = table.start(e); i < table.end(e); i++) {
                    byte[] m = BYTE_LEVEL_UTF8[src[i] & 0xFF];
                    arena[w++] = m[0];
                    if (m.length == 2) {
                        arena[w++] = m[1];
                    }
                }
                ends[e] = w;
            }
        } else {
            arena = table.arena();
            for (int e = 0; e < n; e++) {
                starts[e] = table.start(e);
                ends[e] = table.end(e);
            }
        }
        order = KeySort.sortedOrder(arena, starts, ends);
    }

    int size() {
        return order.length;
    }

    @Override
    public boolean next() {
        return ++at < order.length;
    }

    @Override
    public byte[] key() {
        return arena;
    }

    @Override
    public int keyFrom() {
        return starts[order[at]];
    }

    @Override
    public int keyLength() {
        int e = order[at];
        return ends[e] - starts[e];
    }

    @Override
    public long count() {
        return counts[order[at]];
    }
}
