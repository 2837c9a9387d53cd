package dev.tokensmith.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class DifferentialComparisonTest {
    /** A side that encodes from a table: text to tokenization, and decodes ids by joining them. */
    private record Fake(String name, BiFunction<String, Boolean, Tokenization> encoder, Map<String, String> decodings)
            implements ComparedTokenizer {
        @Override
        public Tokenization encode(String text, boolean addSpecialTokens) {
            return encoder.apply(text, addSpecialTokens);
        }

        @Override
        public String decode(int[] ids, boolean skipSpecialTokens) {
            return decodings.getOrDefault(java.util.Arrays.toString(ids), "?");
        }
    }

    private static Tokenization ab() {
        return new Tokenization(new int[] {1, 2}, new String[] {"a", "b"}, new int[] {0, 1, 1, 2});
    }

    private static Fake side(String name, Tokenization t, String decoded) {
        return new Fake(name, (text, special) -> t, Map.of("[1, 2]", decoded, "[1, 3]", decoded));
    }

    @Test
    void identicalSidesMatchAndCountTheReferenceTokens() {
        ComparisonResult r =
                DifferentialComparison.run(List.of("ab", "ab"), side("x", ab(), "ab"), side("y", ab(), "ab"));
        assertThat(r.matches()).isTrue();
        assertThat(r.inputs()).isEqualTo(2);
        assertThat(r.tokens()).isEqualTo(4);
        assertThat(r.first()).isNull();
    }

    @Test
    void firstDifferentIdIsReportedWithItsPosition() {
        Tokenization other = new Tokenization(new int[] {1, 3}, new String[] {"a", "b"}, new int[] {0, 1, 1, 2});
        ComparisonResult r =
                DifferentialComparison.run(List.of("ab"), side("ours", ab(), "ab"), side("ref", other, "ab"));
        assertThat(r.matches()).isFalse();
        assertThat(r.first().aspect()).isEqualTo("ids");
        assertThat(r.first().position()).isEqualTo(1);
        assertThat(r.first().addSpecialTokens()).isFalse();
        assertThat(r.first().ours()).contains(">[1] 2 \"b\" (1, 2)");
        assertThat(r.first().reference()).contains(">[1] 3 \"b\" (1, 2)");
    }

    @Test
    void aShorterEncodingDiffersWhereItEnds() {
        Tokenization a = new Tokenization(new int[] {1}, new String[] {"a"}, new int[] {0, 1});
        ComparisonResult r = DifferentialComparison.run(List.of("ab"), side("ours", a, "ab"), side("ref", ab(), "ab"));
        assertThat(r.first().aspect()).isEqualTo("ids");
        assertThat(r.first().position()).isEqualTo(1);
        assertThat(r.first().ours()).contains("(end: 1 tokens)");
    }

    @Test
    void tokenStringsAreCompared() {
        Tokenization other = new Tokenization(new int[] {1, 2}, new String[] {"a", "B"}, new int[] {0, 1, 1, 2});
        ComparisonResult r =
                DifferentialComparison.run(List.of("ab"), side("ours", ab(), "ab"), side("ref", other, "ab"));
        assertThat(r.first().aspect()).isEqualTo("tokens");
    }

    @Test
    void offsetsAreComparedWhereBothSidesHaveThem() {
        Tokenization shifted = new Tokenization(new int[] {1, 2}, new String[] {"a", "b"}, new int[] {0, 1, 1, 3});
        ComparisonResult r =
                DifferentialComparison.run(List.of("ab"), side("ours", ab(), "ab"), side("ref", shifted, "ab"));
        assertThat(r.first().aspect()).isEqualTo("offsets");
        assertThat(r.first().position()).isEqualTo(1);
    }

    @Test
    void tokensWithoutOffsetsOnOneSideAreNotComparedByOffset() {
        Tokenization none = new Tokenization(new int[] {1, 2}, new String[] {"a", "b"}, new int[] {-1, -1, 1, 2});
        ComparisonResult r =
                DifferentialComparison.run(List.of("ab"), side("ours", ab(), "ab"), side("ref", none, "ab"));
        assertThat(r.matches()).isTrue();
    }

    @Test
    void decodedTextIsCompared() {
        ComparisonResult r =
                DifferentialComparison.run(List.of("ab"), side("ours", ab(), "a b"), side("ref", ab(), "ab"));
        assertThat(r.first().aspect()).isEqualTo("decode");
        assertThat(r.first().position()).isEqualTo(1);
        assertThat(r.first().ours()).isEqualTo("\"a b\"");
    }

    @Test
    void differencesWithSpecialTokensAreFoundToo() {
        Tokenization withBos =
                new Tokenization(new int[] {0, 1, 2}, new String[] {"<s>", "a", "b"}, new int[] {-1, -1, 0, 1, 1, 2});
        Fake ref = new Fake("ref", (text, special) -> special ? withBos : ab(), Map.of("[1, 2]", "ab"));
        ComparisonResult r = DifferentialComparison.run(List.of("ab"), side("ours", ab(), "ab"), ref);
        assertThat(r.first().addSpecialTokens()).isTrue();
        assertThat(r.first().position()).isZero();
    }

    @Test
    void anExceptionOnOurSideIsAMismatch() {
        Fake failing = new Fake(
                "ours",
                (text, special) -> {
                    throw new IllegalStateException("boom");
                },
                Map.of());
        ComparisonResult r = DifferentialComparison.run(List.of("ab"), failing, side("ref", ab(), "ab"));
        assertThat(r.first().aspect()).isEqualTo("error");
        assertThat(r.first().ours()).contains("boom");
    }

    @Test
    void countsEveryMismatchingInputAndKeepsTheFirst() {
        Fake ours = new Fake(
                "ours",
                (text, special) -> text.equals("ok")
                        ? ab()
                        : new Tokenization(new int[] {9}, new String[] {"z"}, new int[] {0, 1}),
                Map.of("[1, 2]", "ab"));
        ComparisonResult r =
                DifferentialComparison.run(List.of("ok", "bad1", "ok", "bad2"), ours, side("ref", ab(), "ab"));
        assertThat(r.mismatchingInputs()).isEqualTo(2);
        assertThat(r.first().input()).isEqualTo(1);
    }

    @Test
    void abbreviateQuotesEscapesAndCutsAtCodePoints() {
        assertThat(DifferentialComparison.abbreviate("a\n\"🙂🙂", 3)).isEqualTo("\"a\\n\\\"\"...");
        assertThat(DifferentialComparison.abbreviate("🙂🙂", 2)).isEqualTo("\"🙂🙂\"");
    }
}
