package dev.tokensmith.core.format;

import static dev.tokensmith.core.format.MergeableRanksTest.ranksOf;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TiktokenBpeTest {

    private static List<String> parts(MergeableRanks ranks, String piece, int rankLimit) {
        byte[] b = piece.getBytes(UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int end : TiktokenBpe.split(ranks, b, 0, b.length, rankLimit)) {
            out.add(new String(b, start, end - start, UTF_8));
            start = end;
        }
        return out;
    }

    @Test
    void mergesPairsThatAreTokens() {
        // tiktoken src/lib.rs test_simple_characters
        MergeableRanks ranks = ranksOf("ab", "cd");

        assertThat(parts(ranks, "abcd", Integer.MAX_VALUE)).containsExactly("ab", "cd");
    }

    @Test
    void mergesARepeatedPairEverywhere() {
        // tiktoken src/lib.rs test_repeated_characters
        MergeableRanks ranks = ranksOf("ab", "cd");

        assertThat(parts(ranks, "abab", Integer.MAX_VALUE)).containsExactly("ab", "ab");
    }

    @Test
    void mergesTheLowestRankedPairFirstEvenWhenItIsOnTheRight() {
        MergeableRanks ranks = ranksOf("a", "b", "c", "bc", "ab");

        assertThat(parts(ranks, "abc", Integer.MAX_VALUE)).containsExactly("a", "bc");
    }

    @Test
    void mergesTheLeftmostPairWhenTwoHaveTheSameRank() {
        MergeableRanks ranks = ranksOf("a", "aa");

        assertThat(parts(ranks, "aaa", Integer.MAX_VALUE)).containsExactly("aa", "a");
    }

    @Test
    void keepsMergingTheNewPartsWithTheirNeighbours() {
        MergeableRanks ranks = ranksOf("a", "b", "c", "d", "ab", "cd", "abcd");

        assertThat(parts(ranks, "abcd", Integer.MAX_VALUE)).containsExactly("abcd");
    }

    @Test
    void appliesOnlyMergesRankedBelowTheLimit() {
        MergeableRanks ranks = ranksOf("a", "b", "c", "d", "ab", "cd", "abcd");

        assertThat(parts(ranks, "abcd", 6)).containsExactly("ab", "cd");
        assertThat(parts(ranks, "abcd", 5)).containsExactly("ab", "c", "d");
    }

    @Test
    void encodesAWholePieceThatIsATokenAsThatTokenEvenWhenMergingCannotReachIt() {
        // "abc" is a token, but merging a,b,c stops at once: neither ab nor bc is a token
        MergeableRanks ranks = ranksOf("a", "b", "c", "abc");

        assertThat(TiktokenBpe.encode(ranks, "abc".getBytes(UTF_8))).containsExactly(3);
        assertThat(TiktokenBpe.encode(ranks, "abcc".getBytes(UTF_8))).containsExactly(0, 1, 2, 2);
    }

    @Test
    void findsTheLastMergeThatBuildsAToken() {
        MergeableRanks ranks = ranksOf("a", "b", "c", "ab", "bc", "abc");

        assertThat(TiktokenBpe.lastMerge(ranks, "abc".getBytes(UTF_8))).isEqualTo(2);
        assertThat(TiktokenBpe.lastMerge(ranks, "ab".getBytes(UTF_8))).isEqualTo(1);
    }

    @Test
    void findsNoLastMergeForATokenMergingCannotReachOrForNonTokens() {
        MergeableRanks ranks = ranksOf("a", "b", "c", "abc", "ac");

        assertThat(TiktokenBpe.lastMerge(ranks, "abc".getBytes(UTF_8))).isEqualTo(-1);
        assertThat(TiktokenBpe.lastMerge(ranks, "ca".getBytes(UTF_8))).isEqualTo(-1);
        assertThat(TiktokenBpe.lastMerge(ranks, "a".getBytes(UTF_8))).isEqualTo(-1);
    }

    @Test
    void refusesAPieceWithAByteThatHasNoRank() {
        MergeableRanks ranks = ranksOf("a");

        assertThatThrownBy(() -> TiktokenBpe.encode(ranks, "ab".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("byte 0x62 at 1 has no rank");
    }

    @Test
    void encodesEmptyPiecesToNothing() {
        assertThat(TiktokenBpe.encode(ranksOf("a"), new byte[0])).isEmpty();
    }

    @Test
    void agreesWithJtokkitOnSinglePieceWordsOfCl100k() {
        MergeableRanks ranks = Tiktoken.builtin("cl100k_base").ranks();
        Encoding jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        // each of these is one piece of the cl100k pattern, so the token ids come from the byte-pair merge alone
        String[] words = {
            "hello", " world", " antidisestablishmentarianism", " Pneumonoultramicroscopic", "Tokensmith",
            " zzzzzzzzzzzz", " überhaupt", " Schifffahrtsgesellschaft", " внутриклеточный", " 東京都庁舎",
            " 😀😀😀", "!!!!!!!!!", " ........", "123", "\n\n\n\n"
        };
        for (String w : words) {
            assertThat(TiktokenBpe.encode(ranks, w.getBytes(UTF_8)))
                    .as(w)
                    .containsExactly(jtokkit.encodeOrdinary(w).toArray());
        }
    }
}
