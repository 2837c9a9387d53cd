package dev.tokensmith.core.pretokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.SplitBehavior;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our translation of Oniguruma patterns ({@code OnigRegex}) against HF tokenizers' own Oniguruma: a Split
 * pre-tokenizer with the same pattern must make the same splits. Character classes are checked on every code
 * point; the split patterns of released tokenizers are checked with each code point in several contexts.
 */
class OnigRegexOracleTest {
    /** Split patterns of released tokenizers. */
    static Stream<String> realPatterns() {
        return Stream.of(
                // GPT-2 (ByteLevel's own)
                ByteLevel.GPT2_REGEX,
                // Llama 3, cl100k as written for HF
                "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                        + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
                // GPT-4o, o200k
                "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                        + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+"
                        + "[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+"
                        + "[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
                // Qwen2
                "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                        + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
                // tiktoken's possessive cl100k (where Oniguruma reads {1,3}+ as a repeated interval)
                "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+"
                        + "|\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s",
                // DeepSeek V3
                "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\\r\\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+"
                        + "| ?[\\p{P}\\p{S}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
                "[一-龥\u3040-ゟ゠-ヿ]+",
                // BLOOM
                " ?[^(\\s|[.,!?…。，、।۔،])]+");
    }

    /** The classes the real patterns are built from, and Oniguruma's shorthands. */
    static Stream<String> classesOfRealPatterns() {
        return Stream.of(
                "\\p{L}+",
                "\\p{N}+",
                "\\s+",
                "[^\\s\\p{L}\\p{N}]+",
                "[^\\r\\n\\p{L}\\p{N}]+",
                "[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+",
                "[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+",
                "[\\p{P}\\p{S}]+",
                "(?i:s|t|r|e|v|m|l|d)+",
                "\\w+",
                "\\d+");
    }

    /** More classes: shorthands, POSIX brackets, properties by other names, case-insensitive classes. */
    static Stream<String> moreClasses() {
        return Stream.of(
                "\\W+",
                "[\\w]+",
                "\\S+",
                "\\D+",
                "\\h+",
                ".+",
                "\\p{M}+",
                "\\p{Lu}+",
                "\\p{Ll}+",
                "\\p{Lt}+",
                "\\p{Lm}+",
                "\\p{Lo}+",
                "\\p{P}+",
                "\\p{S}+",
                "\\p{Z}+",
                "\\p{C}+",
                "\\p{Cn}+",
                "[[:alpha:]]+",
                "[[:alnum:]]+",
                "[[:punct:]]+",
                "[[:graph:]]+",
                "[[:print:]]+",
                "[[:upper:]]+",
                "[[:lower:]]+",
                "[[:word:]]+",
                "[[:blank:]]+",
                "[[:cntrl:]]+",
                "\\p{Punct}+",
                "\\p{Alnum}+",
                "\\p{Graph}+",
                "\\p{Print}+",
                "\\p{XDigit}+",
                "\\p{ASCII}+",
                "\\p{Assigned}+",
                "\\p{Han}+",
                "\\p{Hiragana}+",
                "\\p{Katakana}+",
                "\\p{Latin}+",
                "\\p{Greek}+",
                "\\p{Common}+",
                "\\p{Inherited}+",
                "\\p{Alphabetic}+",
                "\\p{Emoji}+",
                "\\p{Letter}+",
                "\\p{^L}+",
                "[\\p{^L}]+",
                "(?i:[a-z])+",
                "(?i:[^a-z])+",
                "(?i:i)+",
                "(?i)[^\\p{Ll}]+",
                "(?i)[\\p{Lu}]+",
                "(?i)\\p{Lu}+",
                "(?i:[\\x{100}-\\x{2000}])+");
    }

    @ParameterizedTest
    @MethodSource("classesOfRealPatterns")
    void classOfARealPatternMatchesWhatOnigurumaMatchesOnEveryCodePoint(String regex) {
        assertThat(classMismatches(regex)).isEmpty();
    }

    @Tag("slow")
    @ParameterizedTest
    @MethodSource("moreClasses")
    void otherClassMatchesWhatOnigurumaMatchesOnEveryCodePoint(String regex) {
        assertThat(classMismatches(regex)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("realPatterns")
    void realPatternSplitsEachSampledCodePointInContextAsOniguruma(String regex) {
        assertThat(contextMismatches(regex, OracleProbes.sampledCodePoints(0x800, 997)))
                .isEmpty();
    }

    @Tag("slow")
    @ParameterizedTest
    @MethodSource("realPatterns")
    void realPatternSplitsManyCodePointsInContextAsOniguruma(String regex) {
        assertThat(contextMismatches(regex, OracleProbes.sampledCodePoints(0x3000, 97)))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("realPatterns")
    void realPatternSplitsRandomTextsAsOniguruma(String regex) {
        Split ours = Split.regex(regex, SplitBehavior.ISOLATED, false);
        try (HfOracle hf = new HfOracle(OracleProbes.json(ours))) {
            assertThat(OracleProbes.mismatches(hf, ours, OracleProbes.randomTexts(3, 1000)))
                    .isEmpty();
        }
    }

    /** Consecutive code points: runs of members and of non-members show exactly which code points match. */
    private static List<String> classMismatches(String regex) {
        Split ours = Split.regex(regex, SplitBehavior.ISOLATED, false);
        try (HfOracle hf = new HfOracle(OracleProbes.json(ours))) {
            return OracleProbes.mismatches(hf, ours, OracleProbes.allCodePoints(4000));
        }
    }

    private static final String[] CONTEXTS = {"X", "aXb", "'X", "XX", "X ", " X", "\nX\n", "'sX", "1X1", "A'X", "X\r\n"
    };

    private static List<String> contextMismatches(String regex, List<Integer> codePoints) {
        Split ours = Split.regex(regex, SplitBehavior.ISOLATED, false);
        List<String> probes = new ArrayList<>(codePoints.size() * CONTEXTS.length);
        for (int cp : codePoints) {
            String s = Character.toString(cp);
            for (String context : CONTEXTS) {
                probes.add(context.replace("X", s));
            }
        }
        try (HfOracle hf = HfOracle.separated(OracleProbes.json(ours))) {
            return OracleProbes.mismatchesEach(hf, ours, probes);
        }
    }
}
