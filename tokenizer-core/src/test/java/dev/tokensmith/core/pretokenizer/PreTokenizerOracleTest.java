package dev.tokensmith.core.pretokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.JsonField;
import dev.tokensmith.core.format.PreTokenizerJson;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.UnicodeProps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pre-tokenizer against HF tokenizers itself (DJL's binding): same splits, same offsets. */
class PreTokenizerOracleTest {
    static Stream<PreTokenizer> everyKind() {
        return Stream.of(
                new BertPreTokenizer(),
                new ByteLevel(ByteLevelConfig.DEFAULT),
                new ByteLevel(false, true, true),
                new ByteLevel(true, true, false),
                new CharDelimiterSplit(' '),
                new Digits(false),
                new Digits(true),
                new FixedLength(3),
                new Metaspace(),
                new Metaspace('_', PrependScheme.NEVER, true),
                new Metaspace(Metaspace.DEFAULT_REPLACEMENT, PrependScheme.FIRST, false),
                new Punctuation(),
                new Punctuation(SplitBehavior.MERGED_WITH_NEXT),
                Split.string("a", SplitBehavior.MERGED_WITH_PREVIOUS, false),
                Split.string("", SplitBehavior.CONTIGUOUS, true),
                Split.regex("\\s+", SplitBehavior.CONTIGUOUS, false),
                Split.regex("(?<=[a-z])(?=[A-Z])|\\d", SplitBehavior.REMOVED, false),
                new UnicodeScripts(),
                new Whitespace(),
                new WhitespaceSplit(),
                // splits made by one step are pre-tokenized separately by the next
                new Sequence(List.of(
                        Split.string("a", SplitBehavior.ISOLATED, false),
                        new Metaspace(Metaspace.DEFAULT_REPLACEMENT, PrependScheme.FIRST, true))),
                new Sequence(List.of(
                        Split.string("a", SplitBehavior.ISOLATED, false), new ByteLevel(ByteLevelConfig.DEFAULT))),
                new Sequence(List.of(new WhitespaceSplit(), new UnicodeScripts())));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void randomTextsSplitAsInHf(PreTokenizer p) {
        try (HfOracle hf = new HfOracle(OracleProbes.json(p))) {
            assertThat(OracleProbes.mismatches(hf, p, OracleProbes.randomTexts(42, 500)))
                    .isEmpty();
        }
    }

    static Stream<String> realPreTokenizers() {
        return Stream.of(
                dev.tokensmith.core.format.PreTokenizerJsonTestAccess.LLAMA3,
                dev.tokensmith.core.format.PreTokenizerJsonTestAccess.GPT4O,
                dev.tokensmith.core.format.PreTokenizerJsonTestAccess.BERT);
    }

    @ParameterizedTest
    @MethodSource("realPreTokenizers")
    void realTokenizersSplitAsInHf(String json) throws Exception {
        PreTokenizer ours = PreTokenizerJson.read(JsonField.root(Json.MAPPER.readTree(json)));
        try (HfOracle hf = new HfOracle(json)) {
            assertThat(OracleProbes.mismatches(hf, ours, OracleProbes.randomTexts(7, 2000)))
                    .isEmpty();
        }
    }

    static Stream<PreTokenizer> characterClassifying() {
        return Stream.of(
                new BertPreTokenizer(),
                new Punctuation(),
                new Whitespace(),
                new WhitespaceSplit(),
                new Digits(false),
                new UnicodeScripts(),
                new ByteLevel(ByteLevelConfig.DEFAULT));
    }

    /** Every code point, in order: classes of neighbouring characters decide where the splits fall. */
    @ParameterizedTest
    @MethodSource("characterClassifying")
    void everyCodePointInSequenceSplitsAsInHf(PreTokenizer p) {
        try (HfOracle hf = new HfOracle(OracleProbes.json(p))) {
            assertThat(OracleProbes.mismatches(hf, p, OracleProbes.allCodePoints(4000)))
                    .isEmpty();
        }
    }

    @Test
    void punctuationIsHfsForEveryCodePoint() {
        assertThat(membershipMismatches(new Punctuation(), Punctuation::isPunctuation))
                .isEmpty();
    }

    @Test
    void numericIsHfsForEveryCodePoint() {
        assertThat(membershipMismatches(new Digits(true), UnicodeProps::isNumeric))
                .isEmpty();
    }

    /**
     * The script of every code point, exactly: alone (no split means script Any) and after a character of the
     * script Java gives it (one split means the same script).
     */
    @Tag("slow")
    @Test
    void scriptOfEveryCodePointIsHfs() {
        List<String> bad = new ArrayList<>();
        try (HfOracle hf = HfOracle.separated(OracleProbes.json(new UnicodeScripts()))) {
            Map<Integer, Integer> representative = new HashMap<>();
            List<Integer> codePoints = new ArrayList<>();
            List<String> probes = new ArrayList<>();
            for (int cp : OracleProbes.sampledCodePoints(Character.MAX_CODE_POINT + 1, 1)) {
                int script = Scripts.of(cp);
                if (script != Scripts.ANY) {
                    representative.putIfAbsent(script, cp); // first ones are the oldest: HF knows them
                }
                codePoints.add(cp);
                probes.add(Character.toString(cp));
                int rep = script == Scripts.ANY ? 'a' : representative.get(script);
                probes.add(Character.toString(rep) + Character.toString(cp));
            }
            List<List<int[]>> splits = hf.splitsEach(probes);
            for (int i = 0; i < codePoints.size(); i++) {
                int cp = codePoints.get(i);
                boolean any = Scripts.of(cp) == Scripts.ANY;
                boolean hfAny = splits.get(2 * i).isEmpty();
                boolean hfSame = splits.get(2 * i + 1).size() == 1;
                if (any != hfAny || (!any && !hfSame)) {
                    bad.add("U+" + Integer.toHexString(cp).toUpperCase() + (hfAny ? " is Any for HF" : " differs"));
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    /**
     * For a pre-tokenizer that isolates its special characters: with 'a' between every two code points, a
     * split holding exactly one code point marks a member (non-members merge with the 'a's).
     */
    private static List<String> membershipMismatches(PreTokenizer isolating, IntPredicate ours) {
        List<String> bad = new ArrayList<>();
        try (HfOracle hf = new HfOracle(OracleProbes.json(isolating))) {
            int cp = 0;
            while (cp <= Character.MAX_CODE_POINT) {
                StringBuilder text = new StringBuilder();
                List<int[]> probes = new ArrayList<>(); // {code point, offset}
                while (text.length() < 6000 && cp <= Character.MAX_CODE_POINT) {
                    if (cp < 0xD800 || cp >= 0xE000) {
                        text.append('a');
                        probes.add(new int[] {cp, text.length()});
                        text.appendCodePoint(cp);
                    }
                    cp++;
                }
                Set<Integer> alone = new HashSet<>();
                for (int[] split : hf.splits(text.toString())) {
                    if (split[1] - split[0] == Character.charCount(text.codePointAt(split[0]))) {
                        alone.add(split[0]);
                    }
                }
                for (int[] probe : probes) {
                    if (probe[0] != 'a' && alone.contains(probe[1]) != ours.test(probe[0])) {
                        bad.add("U+" + Integer.toHexString(probe[0]).toUpperCase() + " HF " + alone.contains(probe[1]));
                    }
                }
            }
        }
        return bad;
    }
}
