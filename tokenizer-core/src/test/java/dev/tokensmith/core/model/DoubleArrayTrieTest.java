package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DoubleArrayTrieTest {

    /** The value found by walking {@code s} from the root, or -1 (also when the walk falls off). */
    private static int lookup(DoubleArrayTrie trie, String s) {
        int t = DoubleArrayTrie.ROOT;
        for (int i = 0; i < s.length(); i++) {
            t = trie.child(t, s.charAt(i));
            if (t < 0) {
                return -1;
            }
        }
        return s.isEmpty() ? -1 : trie.value(t);
    }

    @Test
    void everyKeyIsFoundWithItsValueAndPrefixesAreNotKeys() {
        Map<String, Integer> keys = Map.of("a", 1, "ab", 2, "abc", 3, "b", 4, "▁the", 5, "😀", 6, "中文", 7);
        DoubleArrayTrie trie = new DoubleArrayTrie(keys);
        keys.forEach((k, v) -> assertThat(lookup(trie, k)).as(k).isEqualTo(v));
        assertThat(lookup(trie, "▁th")).isEqualTo(-1);
        assertThat(lookup(trie, "abcd")).isEqualTo(-1);
        assertThat(lookup(trie, "c")).isEqualTo(-1);
        assertThat(lookup(trie, "\uD83D")).isEqualTo(-1);
        assertThat(lookup(trie, "中")).isEqualTo(-1);
        assertThat(trie.child(DoubleArrayTrie.ROOT, 'z')).isEqualTo(-1);
    }

    @Test
    void theEmptyKeyIsNeverFound() {
        DoubleArrayTrie trie = new DoubleArrayTrie(Map.of("", 0, "x", 1));
        assertThat(trie.value(DoubleArrayTrie.ROOT)).isEqualTo(-1);
        assertThat(lookup(trie, "x")).isEqualTo(1);
    }

    @Test
    void aLargeVocabularyOverManyScriptsAgreesWithAHashMap() {
        // 250,000 keys (an XLM-R-sized vocabulary) over Latin, Cyrillic, CJK, emoji and the word-start mark.
        SplittableRandom r = new SplittableRandom(1);
        int[][] ranges = {{'a', 'z'}, {0x430, 0x44F}, {0x4E00, 0x4E00 + 3000}, {0x1F600, 0x1F64F}, {0x2581, 0x2581}};
        Map<String, Integer> keys = new HashMap<>();
        List<String> probes = new ArrayList<>();
        while (keys.size() < 250_000) {
            int[] range = ranges[r.nextInt(ranges.length)];
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(r.nextInt(4) == 0 ? 16 : 6);
            for (int i = 0; i < n; i++) {
                int[] rr = r.nextInt(5) == 0 ? ranges[r.nextInt(ranges.length)] : range;
                b.appendCodePoint(rr[0] + r.nextInt(rr[1] - rr[0] + 1));
            }
            String k = b.toString();
            keys.putIfAbsent(k, keys.size());
            probes.add(k + (char) ('a' + r.nextInt(26)));
            probes.add(k.substring(0, k.length() - 1));
        }
        DoubleArrayTrie trie = new DoubleArrayTrie(keys);
        List<String> wrong = new ArrayList<>();
        keys.forEach((k, v) -> {
            if (lookup(trie, k) != v) {
                wrong.add(k);
            }
        });
        for (String p : probes) {
            if (lookup(trie, p) != keys.getOrDefault(p, -1)) {
                wrong.add(p);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
