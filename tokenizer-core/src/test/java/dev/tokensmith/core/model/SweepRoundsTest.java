package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.ByteLevelAlphabet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Long pieces merge as the model's heap merges them ({@link BpeWord}), whatever the merge list: lists built the
 * way a trainer builds them (a token merges only after the merge that makes it), the same lists in random rank
 * order (new pairs of lower rank than the round's, which stop a sweep), and lists with duplicate pairs and
 * several pairs making one token, on runs, short periods, runs with a flaw, and random strings.
 */
class SweepRoundsTest {
    private static final String LETTERS = "abc";

    @Test
    void trainerOrderedListsMatchTheHeapMerge() {
        Paths taken = check(false, 40, 11);
        assertThat(taken.sweeps).isGreaterThan(1000);
        assertThat(taken.handOvers).isGreaterThan(100);
    }

    @Test
    void listsInRandomRankOrderMatchTheHeapMerge() {
        Paths taken = check(true, 40, 12);
        assertThat(taken.stops).as("sweeps stopped by a lower-rank pair").isGreaterThan(100);
    }

    @Test
    void anIdSharedByTokensOfDifferentLengthsMakesLongPiecesCarryTheirEnds() {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(ByteLevelAlphabet.charOf(b)), b);
        }
        vocab.put("ab", 256);
        vocab.put("abc", 257);
        vocab.put("abcabc", 258);
        vocab.put("zzzz", 256); // a malformed file: the id of "ab" again, for four bytes
        Bpe bpe = Bpe.builder(
                        vocab, List.of(new Bpe.Merge("a", "b"), new Bpe.Merge("ab", "c"), new Bpe.Merge("abc", "abc")))
                .build();
        ByteLevelBpe fast = bpe.byteLevel().orElseThrow();

        assertThat(fast.sweepRounds().sweeps()).isFalse();
        for (int len = 1; len <= 400; len++) {
            assertSameAsHeap(bpe, fast, "abc".repeat(200).substring(0, len).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** How often the merger swept, stopped a sweep, and handed over to rank rounds. */
    private record Paths(long sweeps, long stops, long handOvers) {}

    /** Checks pieces against the heap for {@code lists} random merge lists; returns the summed path counters. */
    private static Paths check(boolean shuffled, int lists, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Paths taken = new Paths(0, 0, 0);
        for (int l = 0; l < lists; l++) {
            Bpe bpe = randomByteLevelModel(random, shuffled);
            ByteLevelBpe fast = bpe.byteLevel().orElseThrow();
            for (byte[] piece : pieces(random)) {
                assertSameAsHeap(bpe, fast, piece);
            }
            SweepRounds used = fast.sweepRounds();
            taken = new Paths(
                    taken.sweeps + used.sweepCount, taken.stops + used.stopCount, taken.handOvers + used.handOverCount);
        }
        return taken;
    }

    /**
     * The 256 byte tokens and merges over the letters: each merge joins two tokens made so far into one of at most
     * 8 letters (sometimes one that exists already, made by another pair), and a few pairs are listed twice.
     */
    private static Bpe randomByteLevelModel(SplittableRandom random, boolean shuffled) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(ByteLevelAlphabet.charOf(b)), b);
        }
        List<String> tokens = new ArrayList<>();
        for (char c : LETTERS.toCharArray()) {
            tokens.add(String.valueOf(c));
        }
        List<Bpe.Merge> merges = new ArrayList<>();
        int wanted = 10 + random.nextInt(60);
        for (int attempt = 0; merges.size() < wanted && attempt < 10 * wanted; attempt++) {
            String left = tokens.get(random.nextInt(tokens.size()));
            String right = tokens.get(random.nextInt(tokens.size()));
            if (left.length() + right.length() > 8) {
                continue;
            }
            Bpe.Merge merge = new Bpe.Merge(left, right);
            if (merges.contains(merge) && random.nextInt(8) != 0) {
                continue;
            }
            merges.add(merge);
            if (!vocab.containsKey(left + right)) {
                vocab.put(left + right, vocab.size());
                tokens.add(left + right);
            }
        }
        if (shuffled) {
            Collections.shuffle(merges, new java.util.Random(random.nextLong()));
        }
        return Bpe.builder(vocab, merges).build();
    }

    private static List<byte[]> pieces(SplittableRandom random) {
        List<String> out = new ArrayList<>();
        for (String unit : List.of("a", "b", "ab", "abc", "aab", "abb", "cab")) {
            for (int i = 0; i < 6; i++) {
                int bytes = 1 + random.nextInt(i < 3 ? 200 : 3000);
                out.add(unit.repeat(bytes / unit.length() + 1).substring(0, bytes));
            }
        }
        for (int i = 0; i < 10; i++) {
            String run = "a".repeat(65 + random.nextInt(1500));
            int at = random.nextInt(run.length());
            out.add(run.substring(0, at) + LETTERS.charAt(random.nextInt(3)) + run.substring(at));
        }
        for (int i = 0; i < 20; i++) {
            int len = 65 + random.nextInt(2000);
            int alphabet = 2 + random.nextInt(2);
            StringBuilder sb = new StringBuilder(len);
            for (int k = 0; k < len; k++) {
                sb.append(LETTERS.charAt(random.nextInt(alphabet)));
            }
            out.add(sb.toString());
        }
        List<byte[]> bytes = new ArrayList<>();
        for (String s : out) {
            bytes.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return bytes;
    }

    /** The fast path's tokens (ids and byte ends) equal those of the model's heap merge. */
    static void assertSameAsHeap(Bpe bpe, ByteLevelBpe fast, byte[] piece) {
        int n = piece.length;
        int[] ids = new int[n];
        int[] ends = new int[n];
        int[] scratch = new int[n];
        int count = fast.encode(piece, n, ids, ends, scratch);
        String mapped = ByteLevelAlphabet.encode(piece, 0, n);
        BpeWord word = bpe.merge(mapped);
        // The heap's lengths are UTF-8 bytes of the mapped string, where a piece byte can take two.
        int[] pieceBytesAt = new int[2 * n + 1];
        int utf8 = 0;
        for (int k = 0; k < n; k++) {
            utf8 += mapped.charAt(k) < 0x80 ? 1 : 2;
            pieceBytesAt[utf8] = k + 1;
        }
        int[] expectedIds = new int[n];
        int[] expectedEnds = new int[n];
        int expectedCount = 0;
        int end = 0;
        for (int s = 0; s != -1; s = word.next[s]) {
            end += word.lengths[s];
            expectedIds[expectedCount] = word.ids[s];
            expectedEnds[expectedCount++] = pieceBytesAt[end];
        }
        // Compared whole first: building messages for every piece would cost more than merging it.
        if (count != expectedCount
                || !Arrays.equals(ids, 0, count, expectedIds, 0, count)
                || !Arrays.equals(ends, 0, count, expectedEnds, 0, count)) {
            String label = HexFormat.of().formatHex(piece, 0, Math.min(n, 24)) + "... (" + n + " bytes)";
            assertThat(Arrays.copyOf(ids, count))
                    .as("ids of %s", label)
                    .containsExactly(Arrays.copyOf(expectedIds, expectedCount));
            assertThat(Arrays.copyOf(ends, count))
                    .as("ends of %s", label)
                    .containsExactly(Arrays.copyOf(expectedEnds, expectedCount));
        }
    }
}
