package dev.tokensmith.core.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The piece caches against a map of everything ever stored: a lookup either misses or returns exactly the tokens
 * last stored for those bytes, through many more pieces than slots, with pieces that share prefixes, differ only
 * in their last byte or in length, and scratch buffers holding garbage past the piece.
 */
class PieceCachesTest {
    private static final Random RANDOM = new Random(42);

    @Test
    void shortPiecesComeBackExactlyOrNotAtAll() {
        PieceCache cache = new PieceCache();
        Map<String, int[][]> stored = new HashMap<>();
        int hits = 0;
        for (int round = 0; round < 400_000; round++) {
            byte[] piece = piece(1, PieceCache.MAX_BYTES);
            byte[] buffer = padded(piece);
            int[] ids = new int[64];
            int[] ends = new int[64];
            int n = cache.get(buffer, piece.length, ids, ends);
            String key = Arrays.toString(piece);
            if (n >= 0) {
                hits++;
                assertThat(cache.find(buffer, piece.length)).isEqualTo(n);
                int[][] want = stored.get(key);
                assertThat(want).as("a hit for a piece never stored").isNotNull();
                assertThat(Arrays.copyOf(ids, n)).isEqualTo(want[0]);
                assertThat(Arrays.copyOf(ends, n)).isEqualTo(want[1]);
            } else {
                int[][] tokens = tokens(piece.length, 5, 1 << 21);
                cache.put(piece.length, tokens[0], tokens[1], tokens[0].length);
                if (tokens[0].length <= 4 && Arrays.stream(tokens[0]).skip(1).allMatch(id -> id < (1 << 21) - 1)) {
                    stored.put(key, tokens);
                } else {
                    stored.remove(key);
                }
            }
        }
        assertThat(hits).isGreaterThan(10_000);
    }

    /** Far more pieces than the front holds: most come back from the big table, each with its own tokens. */
    @Test
    void piecesPushedOutOfTheFrontComeBackFromTheBigTable() {
        PieceCache cache = new PieceCache();
        int n = 3 * PieceCache.FRONT_SLOTS;
        int[] ids = new int[64];
        int[] ends = new int[64];
        byte[] buffer = new byte[32];
        for (int round = 0; round < 2; round++) {
            int hits = 0;
            for (int i = 0; i < n; i++) {
                long piece = i | ((i + 1) * 0x9E3779B97F4A7C15L) << 16; // i in the first two bytes: distinct
                for (int b = 0; b < 8; b++) {
                    buffer[b] = (byte) (piece >>> (8 * b));
                }
                int len = 2 + i % 11;
                int found = cache.get(buffer, len, ids, ends);
                if (found < 0) {
                    cache.put(len, new int[] {i, i % 7}, new int[] {1, len}, 2);
                } else {
                    hits++;
                    assertThat(found).isEqualTo(2);
                    assertThat(new int[] {ids[0], ids[1], ends[0], ends[1]}).containsExactly(i, i % 7, 1, len);
                }
            }
            if (round == 0) {
                assertThat(hits).isZero(); // every piece is new
            } else {
                assertThat(hits).isGreaterThan(PieceCache.FRONT_SLOTS); // more than the front alone could hold
            }
        }
    }

    @Test
    void theTableGrowsWhileItMissesAndStaysSmallWhileItHits() {
        PieceCache few = new PieceCache();
        PieceCache many = new PieceCache();
        int[] ids = new int[64];
        int[] ends = new int[64];
        byte[] buffer = new byte[32];
        for (int i = 0; i < 1_000_000; i++) {
            long piece = i % 500;
            java.util.Arrays.fill(buffer, (byte) 0);
            for (int b = 0; b < 8; b++) {
                buffer[b] = (byte) (piece >>> (8 * b));
            }
            if (few.get(buffer, 8, ids, ends) < 0) {
                few.put(8, new int[] {i}, new int[] {8}, 1);
            }
            piece = i * 0x9E3779B97F4A7C15L;
            for (int b = 0; b < 8; b++) {
                buffer[b] = (byte) (piece >>> (8 * b));
            }
            if (many.get(buffer, 8, ids, ends) < 0) {
                many.put(8, new int[] {i}, new int[] {8}, 1);
            }
        }
        assertThat(few.slots()).isEqualTo(PieceCache.INITIAL_SLOTS);
        assertThat(many.slots()).isEqualTo(PieceCache.MAX_SLOTS);
    }

    @Test
    void longPiecesComeBackExactlyOrNotAtAll() {
        LongPieceCache cache = new LongPieceCache();
        Map<String, int[][]> stored = new HashMap<>();
        int hits = 0;
        for (int round = 0; round < 200_000; round++) {
            byte[] piece = piece(1, LongPieceCache.MAX_BYTES);
            byte[] buffer = padded(piece);
            int[] ids = new int[64];
            int[] ends = new int[64];
            int n = cache.get(buffer, piece.length, ids, ends);
            String key = Arrays.toString(piece);
            if (n >= 0) {
                hits++;
                int[][] want = stored.get(key);
                assertThat(want).as("a hit for a piece never stored").isNotNull();
                assertThat(Arrays.copyOf(ids, n)).isEqualTo(want[0]);
                assertThat(Arrays.copyOf(ends, n)).isEqualTo(want[1]);
                assertThat(cache.get(buffer, piece.length, null, null)).isEqualTo(n);
            } else {
                int[][] tokens = tokens(piece.length, 30, Integer.MAX_VALUE);
                cache.put(buffer, piece.length, tokens[0], tokens[1], tokens[0].length);
                if (tokens[0].length <= 24) {
                    stored.put(key, tokens);
                } else {
                    stored.remove(key);
                }
            }
        }
        assertThat(hits).isGreaterThan(10_000);
    }

    @Test
    void theLongTableGrowsWhileItMissesAndStaysSmallWhileItHits() {
        LongPieceCache few = new LongPieceCache();
        LongPieceCache many = new LongPieceCache();
        int[] ids = new int[64];
        int[] ends = new int[64];
        byte[] buffer = new byte[48];
        for (int i = 0; i < 400_000; i++) {
            for (LongPieceCache cache : List.of(few, many)) {
                long piece = cache == few ? i % 200 : i * 0x9E3779B97F4A7C15L;
                Arrays.fill(buffer, (byte) 0x41);
                for (int b = 0; b < 8; b++) {
                    buffer[b] = (byte) (piece >>> (8 * b));
                }
                if (cache.get(buffer, 30, ids, ends) < 0) {
                    cache.put(buffer, 30, new int[] {i, 7}, new int[] {8, 30}, 2);
                }
            }
        }
        assertThat(few.slots()).isEqualTo(LongPieceCache.INITIAL_SLOTS);
        assertThat(many.slots()).isEqualTo(LongPieceCache.MAX_SLOTS);
    }

    private static final List<byte[]> SEEN = new java.util.ArrayList<>();

    /**
     * Pieces over a small alphabet of bytes that matter (zero, high bit set), so that near-twins are common; half
     * of them come back from the last 20,000 (more than either cache holds).
     */
    private static byte[] piece(int min, int max) {
        if (!SEEN.isEmpty() && RANDOM.nextBoolean()) {
            byte[] again = SEEN.get(RANDOM.nextInt(SEEN.size()));
            if (again.length >= min && again.length <= max) {
                return again;
            }
        }
        byte[] fresh = freshPiece(min, max);
        if (SEEN.size() < 20_000) {
            SEEN.add(fresh);
        } else {
            SEEN.set(RANDOM.nextInt(SEEN.size()), fresh);
        }
        return fresh;
    }

    private static byte[] freshPiece(int min, int max) {
        List<Byte> alphabet = List.of((byte) 0, (byte) 'a', (byte) 'b', (byte) 0x80, (byte) 0xE4, (byte) 0xFF);
        int length = min + RANDOM.nextInt(Math.min(max - min + 1, RANDOM.nextBoolean() ? 3 : max - min + 1));
        byte[] piece = new byte[length];
        for (int i = 0; i < length; i++) {
            piece[i] = alphabet.get(RANDOM.nextInt(RANDOM.nextInt(10) == 0 ? alphabet.size() : 2));
        }
        return piece;
    }

    private static byte[] padded(byte[] piece) {
        byte[] buffer = new byte[piece.length + 16 + RANDOM.nextInt(8)];
        RANDOM.nextBytes(buffer);
        System.arraycopy(piece, 0, buffer, 0, piece.length);
        return buffer;
    }

    private static int[][] tokens(int length, int maxTokens, int idLimit) {
        int n = 1 + RANDOM.nextInt(Math.min(length, maxTokens));
        int[] ids = new int[n];
        int[] ends = new int[n];
        for (int k = 0; k < n; k++) {
            ids[k] = RANDOM.nextInt(idLimit);
            ends[k] = k == n - 1 ? length : k + 1;
        }
        return new int[][] {ids, ends};
    }
}
