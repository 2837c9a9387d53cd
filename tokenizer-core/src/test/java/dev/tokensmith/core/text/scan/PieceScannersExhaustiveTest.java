package dev.tokensmith.core.text.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scanner splits exactly as its pattern's regex path does: on every code point alone, on every code point
 * between each of a set of contexts and at the end after some, and on random strings of class representatives
 * (250,000 per pattern by default, 4 million more under the bench tag).
 */
@Tag("slow")
class PieceScannersExhaustiveTest {
    /**
     * What code points are put between (each text is context, code point, context, code point... context): one or
     * more representatives of each class and of each char the patterns name (space, apostrophe and contraction
     * letters, line breaks, slash), and the empty context (code points next to each other).
     */
    static final List<String> CONTEXTS = List.of(
            "",
            " ",
            "  ",
            "a",
            "A",
            "\u01C5", // Lt
            "\u02B0", // Lm
            "\u05D0", // Lo
            "\u0301", // Mn
            "\u0903", // Mc
            "\u20DD", // Me
            "1",
            "123",
            "\u0661", // Arabic-Indic digit
            "'s",
            "'",
            // a code point after these is a contraction's second letter; before these, its first
            "'r",
            "'v",
            "'l",
            "e'",
            "l'",
            "\u2019",
            "\n",
            "\r\n",
            "\r",
            "\t",
            ".",
            "/",
            "\u00A0",
            "\u3000",
            "\u0085",
            "\u2028",
            "\uD83D\uDE00", // emoji
            "\uD835\uDC1A"); // a supplementary Ll

    /** Contexts put before a code point that ends the input (where lookaheads and anchors decide). */
    static final List<String> BEFORE_END = List.of(" ", "  ", "\n", "\r\n", "\n ", "\t", "\u00A0", "a", "A", "'", ".");

    /** All of the BMP and of plane 1, the tag and variation-selector block, and a sample of the other planes. */
    static final int[] CODE_POINTS = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
            .filter(c -> c < 0x20000 || (c >= 0xE0000 && c < 0xE1000) || c % 61 == 0)
            .toArray();

    static List<ScannerOracle> patterns() {
        return ScannerOracle.all();
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void everyCodePointAlone(ScannerOracle oracle) {
        List<String> diffs = oracle.differences(Character.MAX_CODE_POINT + 1, Character::toString);
        assertThat(diffs).as(String.join("\n", diffs)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void everyCodePointBetweenContexts(ScannerOracle oracle) {
        int perText = 32;
        int textsPerContext = (CODE_POINTS.length + perText - 1) / perText;
        List<String> diffs = oracle.differences(CONTEXTS.size() * textsPerContext, i -> {
            String context = CONTEXTS.get(i / textsPerContext);
            int from = (i % textsPerContext) * perText;
            StringBuilder sb = new StringBuilder(context);
            for (int k = from; k < Math.min(from + perText, CODE_POINTS.length); k++) {
                sb.appendCodePoint(CODE_POINTS[k]).append(context);
            }
            return sb.toString();
        });
        assertThat(diffs).as(String.join("\n", diffs)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void everyCodePointAtTheEndAfterContexts(ScannerOracle oracle) {
        List<String> diffs = oracle.differences(BEFORE_END.size() * CODE_POINTS.length, i -> {
            String context = BEFORE_END.get(i / CODE_POINTS.length);
            return context + Character.toString(CODE_POINTS[i % CODE_POINTS.length]);
        });
        assertThat(diffs).as(String.join("\n", diffs)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void randomStrings(ScannerOracle oracle) {
        assertAgreeOnRandomStrings(oracle, 0, 250_000);
    }

    /** Millions more, beyond the default suite's time budget: {@code -Dgroups=bench}. */
    @ParameterizedTest
    @MethodSource("patterns")
    @Tag("bench")
    void millionsOfRandomStrings(ScannerOracle oracle) {
        assertAgreeOnRandomStrings(oracle, 250_000, 4_000_000);
    }

    private static void assertAgreeOnRandomStrings(ScannerOracle oracle, int firstSeed, int count) {
        List<String> diffs = oracle.differences(count, i -> RandomText.string(new SplittableRandom(firstSeed + i)));
        assertThat(diffs).as(String.join("\n", diffs)).isEmpty();
    }
}
