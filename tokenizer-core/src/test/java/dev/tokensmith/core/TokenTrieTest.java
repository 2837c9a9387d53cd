package dev.tokensmith.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trie's leftmost-longest search against a brute-force reading of the same definition, with one first
 * character shared by all tokens (the {@code indexOf} search) and several (the table search), on texts dense with
 * near-matches.
 */
class TokenTrieTest {

    @ParameterizedTest(name = "{0} distinct first characters")
    @ValueSource(ints = {1, 2, 3, 4, 5, 9})
    void findsTheLeftmostLongestMatchFromEveryPosition(int firstChars) {
        Random random = new Random(7 + firstChars);
        String alphabet = "<|>[]ab\u00e9\u4e2d";
        for (int round = 0; round < 40; round++) {
            Map<String, Integer> patterns = new HashMap<>();
            int id = 100;
            for (int f = 0; f < firstChars; f++) {
                char first = alphabet.charAt(f % alphabet.length());
                if (f >= alphabet.length()) {
                    first = (char) ('A' + f);
                }
                for (int k = 0; k < 3; k++) {
                    patterns.putIfAbsent(first + randomString(random, alphabet, random.nextInt(4)), id++);
                }
            }
            TokenTrie trie = new TokenTrie(patterns);
            for (int t = 0; t < 20; t++) {
                String text = randomString(random, alphabet + "xyz ", random.nextInt(60));
                for (int from = 0; from <= text.length(); from++) {
                    int to = from + random.nextInt(text.length() - from + 1);
                    assertThat(trie.leftmostLongest(text, from, to))
                            .as("%s in [%d, %d) of \"%s\"", patterns, from, to, text)
                            .isEqualTo(bruteForce(patterns, text, from, to));
                }
            }
        }
    }

    private static long bruteForce(Map<String, Integer> patterns, String text, int from, int to) {
        for (int start = from; start < to; start++) {
            int best = -1;
            int bestLength = 0;
            for (Map.Entry<String, Integer> e : patterns.entrySet()) {
                String p = e.getKey();
                if (p.length() > bestLength && start + p.length() <= to && text.startsWith(p, start)) {
                    best = e.getValue();
                    bestLength = p.length();
                }
            }
            if (best >= 0) {
                return ((long) start << 32) | best;
            }
        }
        return -1;
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
