package dev.tokensmith.core.text.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokensmith.core.format.Tiktoken;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import dev.tokensmith.core.text.Match;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which patterns have scanners, and how the scanners split (each example also checked against the regex). */
class PieceScannersTest {

    // ---- recognition ----

    @Test
    void recognisesTheReleasedPatternsByTheirExactText() {
        assertThat(ScannerOracle.all()).hasSize(8); // each one compiles and has a scanner
        assertThat(PieceScanners.forPattern(ByteLevel.GPT2_REGEX + "|x")).isEmpty();
        assertThat(PieceScanners.forPattern("\\s+")).isEmpty();
    }

    @Test
    void gpt2AndBothR50kFormsShareOneScanner() {
        PieceScanner gpt2 = PieceScanners.forPattern(ByteLevel.GPT2_REGEX).orElseThrow();
        assertThat(PieceScanners.forPattern(Tiktoken.R50K_PATTERN)).containsSame(gpt2);
        assertThat(PieceScanners.forPattern(PieceScanners.R50K_ONIGURUMA)).containsSame(gpt2);
    }

    @Test
    void theReleasedTokenizerFilesSplitWithRecognisedPatterns() throws IOException {
        assertThat(splitRegex("llama3")).isEqualTo(PieceScanners.LLAMA3);
        // GPT-4o's tokenizer.json carries o200k's pattern unchanged (used inverted, with Removed)
        assertThat(splitRegex("gpt4o")).isEqualTo(Tiktoken.O200K_PATTERN);
        // claude.json's pattern (tiktoken syntax, which Oniguruma reads alike here) is GPT-2's
        JsonNode claude =
                new ObjectMapper().readTree(ReleasedTokenizers.path("claude").toFile());
        assertThat(claude.get("pat_str").asText()).isEqualTo(ByteLevel.GPT2_REGEX);
    }

    /** The regex of the first pre-tokenizer (a Split) of a released tokenizer.json's Sequence. */
    private static String splitRegex(String name) throws IOException {
        JsonNode root =
                new ObjectMapper().readTree(ReleasedTokenizers.path(name).toFile());
        JsonNode split = root.at("/pre_tokenizer/pretokenizers/0");
        assertThat(split.get("type").asText()).isEqualTo("Split");
        return split.at("/pattern/Regex").asText();
    }

    // ---- how they split ----

    @Test
    void anEmptyInputIsOneEmptyNonMatchAsWithTheRegex() {
        for (ScannerOracle o : ScannerOracle.all()) {
            assertThat(PieceScanners.splitPattern(o.scanner()).findMatches(""))
                    .isEqualTo(o.regex().findMatches(""))
                    .containsExactly(new Match(0, 0, false));
        }
    }

    @Test
    void piecesAreAllMatchesAndTileTheInput() {
        String text = "Hello, world! It's 2024-06-01.\r\n\tx \u00A0y  \uD83D\uDE00\n\n";
        for (ScannerOracle o : ScannerOracle.all()) {
            assertThat(PieceScanners.splitPattern(o.scanner()).findMatches(text))
                    .as(o.name())
                    .isEqualTo(o.regex().findMatches(text));
        }
    }

    @Test
    void gpt2KeepsLowerCaseContractionsAndLeavesOneSpaceToTheNextWord() {
        assertSplits("gpt2", "I'm   here's 'Ll 12345", "I", "'m", "  ", " here", "'s", " '", "Ll", " 12345");
    }

    @Test
    void cl100kGroupsNumbersInThreesAndTakesTheSpaceOrPunctuationBeforeAWord() {
        assertSplits("cl100k", "x 12345\u00A0y.Net\n\nz", "x", " ", "123", "45", "\u00A0y", ".Net", "\n\n", "z");
    }

    @Test
    void cl100kInTiktokenSyntaxReadAsOnigurumaRepeatsTheNumberGroup() {
        // Oniguruma reads \p{N}{1,3}+ as (\p{N}{1,3})+, so the raw tiktoken text does not split numbers
        assertSplits("cl100k-tiktoken", "x 12345", "x", " ", "12345");
    }

    @Test
    void aLongDigitRunIsOnePieceWithoutTheRegexPathsRecursion() {
        // java.util.regex overflows a default stack here on (?:\p{N}{1,3})+
        String digits = "7".repeat(200_000);
        PieceScanner raw = PieceScanners.forPattern(Tiktoken.CL100K_PATTERN).orElseThrow();
        assertThat(raw.pieceEnd(digits.toCharArray(), 0, digits.length())).isEqualTo(digits.length());
    }

    @Test
    void qwen2SplitsEveryNumber() {
        assertSplits("qwen2", "x 123", "x", " ", "1", "2", "3");
    }

    @Test
    void contractionsIgnoreCaseUnderCaseFoldingWhichAddsTheLongS() {
        assertSplits("llama3", "it'S 'ſ 'RE", "it", "'S", " '", "ſ", " '", "RE");
        assertSplits("llama3", "'ſx", "'ſ", "x");
        assertSplits("cl100k", "'ſx", "'ſ", "x");
        assertSplits("o200k", "aa'ſ", "aa'ſ");
        // GPT-2's contractions are lower case only
        assertSplits("gpt2", "'ſx", "'", "ſx");
    }

    @Test
    void cl100kTakesTrailingWhiteSpaceWholeWhereLlama3EndsItAtTheLastLineBreak() {
        // tiktoken's \s++$ against Llama 3's \s*[\r\n]+ (the forms agree everywhere else)
        assertSplits("cl100k", "a\n  ", "a", "\n  ");
        assertSplits("llama3", "a\n  ", "a", "\n", "  ");
        assertSplits("cl100k", "a\n  b", "a", "\n", " ", " b");
        assertSplits("llama3", "a\n  b", "a", "\n", " ", " b");
    }

    @Test
    void o200kSplitsCamelCaseAndAttachesContractions() {
        assertSplits("o200k", "HTTPServer's helloWorld", "HTTPServer's", " hello", "World");
        assertSplits("o200k", "ABC'd x//\n/", "ABC'd", " x", "//\n/");
    }

    @Test
    void o200kTreatsMarksAsLettersOfEitherCaseAndAsAPrefix() {
        // a mark ends an upper-case run (the first alternative backs off to it) ...
        assertSplits("o200k", "AB\u0301C", "AB\u0301", "C");
        // ... and a mark alone is a word, with a contraction after it
        assertSplits("o200k", "\u0301's", "\u0301's");
    }

    @Test
    void loneSurrogatesAreCodePointsOfNoClass() {
        assertSplits("gpt2", "a\uD800b", "a", "\uD800", "b");
        assertSplits("llama3", "a\uD800b", "a", "\uD800b");
        assertSplits("o200k", "\uDC00\uD800", "\uDC00\uD800");
        // a pair is one code point: here a letter
        assertSplits("gpt2", "\uD835\uDC00\uD835\uDC1A.", "\uD835\uDC00\uD835\uDC1A", ".");
    }

    @Test
    void theLimitIsTheEndOfInput() {
        PieceScanner llama3 = PieceScanners.forPattern(PieceScanners.LLAMA3).orElseThrow();
        // "  x" whole: the run before x leaves one space for it; cut before x, both spaces are one piece
        assertThat(llama3.pieceEnd("  x".toCharArray(), 0, 3)).isEqualTo(1);
        assertThat(llama3.pieceEnd("  x".toCharArray(), 0, 2)).isEqualTo(2);
        // a surrogate pair cut by the limit is a lone surrogate
        assertThat(llama3.pieceEnd("\uD835\uDC00".toCharArray(), 0, 1)).isEqualTo(1);
    }

    /** Letter runs read eight ASCII chars at a time stop at the limit, whatever the view holds past it. */
    @Test
    void letterRunsReadFromTheAsciiViewStopAtTheLimit() {
        char[] text = " abcdefghijklmnopqrstuvwxyzabcdefghij é".toCharArray();
        byte[] ascii = AsciiBytes.of(text);
        for (ScannerOracle oracle : ScannerOracle.all()) {
            PieceScanner scanner = oracle.scanner();
            for (int limit = 1; limit <= text.length; limit++) {
                int expected = scanner.pieceEnd(text, 0, limit);
                assertThat(scanner.pieceEnd(text, ascii, 0, limit))
                        .as("%s with the limit at %d", oracle.name(), limit)
                        .isEqualTo(expected);
                assertThat(expected).isEqualTo(Math.min(limit, 37));
            }
        }
    }

    private static void assertSplits(String name, String text, String... pieces) {
        ScannerOracle oracle = ScannerOracle.all().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow();
        List<String> actual = new ArrayList<>();
        for (Match m : PieceScanners.splitPattern(oracle.scanner()).findMatches(text)) {
            actual.add(text.substring(m.start(), m.end()));
        }
        assertThat(actual).as(name + " on " + ScannerOracle.escape(text)).containsExactly(pieces);
        assertThat(oracle.compare(text)).isNull();
    }
}
