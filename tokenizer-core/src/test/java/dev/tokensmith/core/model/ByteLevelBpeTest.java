package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.testdata.ReleasedTokenizers;
import dev.tokensmith.core.text.ByteLevelAlphabet;
import dev.tokensmith.core.text.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The raw-byte form of a byte-level BPE gives what the model gives for the piece's byte-level string: scan
 * merging (short pieces), rank rounds (long ones), and whole-piece lookups.
 */
class ByteLevelBpeTest {
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o", "r50k_base", "cl100k_base", "o200k_base"})
    void equalsTheModelOnRandomPieces(String name) {
        Bpe bpe = (Bpe) ReleasedTokenizers.tokensmith(name).model();
        ByteLevelBpe fast = bpe.byteLevel().orElseThrow();
        SplittableRandom random = new SplittableRandom(name.hashCode());
        List<byte[]> pieces = new ArrayList<>();
        String[] units = {"a", "ab", " ", "\n", "=", "0", "é", "日本", "🙂", "the ", "aaab", "-", "\t "};
        for (String unit : units) {
            for (int len : new int[] {1, 2, 3, 7, 63, 64, 65, 100, 257, 1000, 4099}) {
                pieces.add(unit.repeat(len).getBytes(StandardCharsets.UTF_8));
            }
        }
        for (int i = 0; i < 3000; i++) {
            int len = 1 + random.nextInt(i % 10 == 0 ? 2000 : 80);
            byte[] b = new byte[len];
            int mode = random.nextInt(3);
            for (int k = 0; k < len; k++) {
                b[k] = switch (mode) {
                    case 0 -> (byte) ('a' + random.nextInt(6));
                    case 1 -> (byte) random.nextInt(256);
                    default -> (byte) "  ee\n\n==xyzé".charAt(random.nextInt(12));
                };
            }
            pieces.add(b);
        }
        for (byte[] piece : pieces) {
            int n = piece.length;
            int[] ids = new int[n];
            int[] ends = new int[n];
            int[] scratch = new int[n];
            int count = fast.encode(piece, n, ids, ends, scratch);
            List<Token> expected = bpe.tokenize(ByteLevelAlphabet.encode(piece, 0, n));
            String label = HexFormat.of().formatHex(piece, 0, Math.min(n, 40)) + " (" + n + " bytes)";
            assertThat(count).as("tokens of %s", label).isEqualTo(expected.size());
            for (int k = 0; k < count; k++) {
                assertThat(new int[] {ids[k], ends[k]})
                        .as("token %d of %s", k, label)
                        .containsExactly(expected.get(k).id(), expected.get(k).end());
            }
            assertThat(fast.count(piece, n, ids, ends, scratch)).isEqualTo(count);
        }
    }

    /**
     * Runs of 'a' of every length up to 5000 bytes, and of other characters and short periods up to 1500 (each piece
     * merged long goes through sweep rounds), equal the model's heap merge.
     */
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "r50k_base", "cl100k_base", "o200k_base"})
    void runsOfEveryLengthEqualTheHeapMerge(String name) {
        Bpe bpe = (Bpe) ReleasedTokenizers.tokensmith(name).model();
        ByteLevelBpe fast = bpe.byteLevel().orElseThrow();
        for (String unit : new String[] {"a", " ", "中", "ab", "a ", "x中"}) {
            int longest = unit.equals("a") ? 5000 : 1500;
            byte[] all = unit.repeat(longest).getBytes(StandardCharsets.UTF_8);
            for (int len = 1; len <= longest; len++) {
                SweepRoundsTest.assertSameAsHeap(bpe, fast, Arrays.copyOf(all, len));
            }
        }
        assertThat(fast.sweepRounds().sweepCount).isGreaterThan(5000);
    }

    /** Megabyte runs (one character, a 3-byte character, a 2-character period) equal the model's heap merge. */
    @Tag("slow")
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "r50k_base", "cl100k_base", "o200k_base"})
    void megabyteRunsEqualTheHeapMerge(String name) {
        Bpe bpe = (Bpe) ReleasedTokenizers.tokensmith(name).model();
        ByteLevelBpe fast = bpe.byteLevel().orElseThrow();
        for (String unit : new String[] {"a", " ", "中", "ab"}) {
            byte[] piece = unit.repeat((1 << 20) / unit.getBytes(StandardCharsets.UTF_8).length)
                    .getBytes(StandardCharsets.UTF_8);
            SweepRoundsTest.assertSameAsHeap(bpe, fast, piece);
        }
    }
}
