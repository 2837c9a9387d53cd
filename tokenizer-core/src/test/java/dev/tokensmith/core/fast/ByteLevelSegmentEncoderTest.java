package dev.tokensmith.core.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.diff.LabeledText;
import dev.tokensmith.core.testdata.AdversarialText;
import dev.tokensmith.core.testdata.ParityCorpus;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.scan.PieceScanner;
import dev.tokensmith.core.text.scan.PieceScanners;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level fast path gives the general pipeline's tokens, offsets and word indices, with the split regex
 * itself as the scanner (the hand-written scanners are tested against the regex on their own).
 */
class ByteLevelSegmentEncoderTest {
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o", "r50k_base", "cl100k_base", "o200k_base"})
    void equalsTheGeneralPipeline(String name) {
        Tokenizer general = generalPipeline(name);
        SegmentEncoder fast = fastPath(name, RegexPieceScanner::of);
        List<String> texts = new ArrayList<>();
        for (LabeledText t : ParityCorpus.open().documents(300_000)) {
            texts.add(t.text());
        }
        for (LabeledText t : AdversarialText.small()) {
            texts.add(t.text());
        }
        int checked = 0;
        for (String text : texts) {
            if (hasLoneSurrogate(text)) {
                continue; // the tokenizer replaces them before the fast path sees the text
            }
            assertSameTokens(fast, general.encode(text, false), text);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** Texts longer than the scan window: copied a window at a time, cut only where pieces never cross. */
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "cl100k_base", "o200k_base", "r50k_base"})
    void longTextsGiveWhatTheGeneralPipelineGives(String name) {
        Tokenizer general = generalPipeline(name);
        SegmentEncoder fast = fastPath(name, PieceScanners::forPattern);
        int window = ByteLevelSegmentEncoder.WINDOW;
        StringBuilder prose = new StringBuilder();
        for (LabeledText t : ParityCorpus.open().documents(400_000)) {
            if (!hasLoneSurrogate(t.text())) {
                prose.append(t.text()).append("\n\n");
            }
        }
        List<String> texts = List.of(
                prose.toString(),
                "\n" + " ".repeat(window + 10) + "\n  " + prose.substring(0, 1000),
                "x ".repeat(window / 2 - 3) + "\n" + " \t".repeat(window) + "\r\n  y z 'RE're",
                "a,".repeat(window) + " b c " + "1234567 ".repeat(window / 4) + "'ll",
                "a".repeat(3 * window + 7) + " b" + "中".repeat(window + 1),
                prose.toString().replace(" ", ""),
                "中文，日本語。".repeat(window / 3) + "नमस्ते।दुनिया॥".repeat(window / 8) + "it's'S﹏x".repeat(window / 4));
        for (String text : texts) {
            assertThat(text.length()).isGreaterThan(window);
            assertSameTokens(fast, general.encode(text, false), text);
        }
    }

    /**
     * Random bytes read as UTF-8 make pieces of every kind: short and long, with more tokens than a cache slot
     * holds and fewer; the second and third time they come from the caches, alike.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cl100k_base", "o200k_base", "r50k_base"})
    void piecesOfRandomBytesComeBackFromTheCachesUnchanged(String name) {
        Tokenizer general = generalPipeline(name);
        SegmentEncoder fast = fastPath(name, PieceScanners::forPattern);
        byte[] bytes = new byte[40_000];
        new Random(7).nextBytes(bytes);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8); // malformed bytes: U+FFFD
        Encoding expected = general.encode(text, false);
        for (int pass = 0; pass < 3; pass++) {
            assertSameTokens(fast, expected, text);
        }
    }

    /** Every cut the encoder calls safe splits the text into two parts that encode to the whole's tokens. */
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o", "r50k_base", "cl100k_base", "o200k_base"})
    void safeCutsChangeNothing(String name) {
        Tokenizer general = generalPipeline(name);
        SegmentEncoder fast = fastPath(name, PieceScanners::forPattern);
        List<String> texts = new ArrayList<>();
        for (LabeledText t : ParityCorpus.open().documents(150_000)) {
            texts.add(t.text());
            texts.add(t.text().replace(" ", ""));
        }
        texts.add("中文，日本語。한국어!Ελληνικά;русский—x«ж»y'z中's。A\u0301,b\u0301!");
        int cuts = 0;
        for (String text : texts) {
            if (hasLoneSurrogate(text)) {
                continue;
            }
            int[] whole = general.encode(text, false).ids();
            int to = text.length();
            for (int k = 0; k < 40; k++) {
                int cut = fast.lastSafeCut(text, 0, to);
                if (cut <= 0) {
                    break;
                }
                IntList ids = new IntList();
                fast.encodeIds(text, 0, cut, ids);
                fast.encodeIds(text, cut, text.length(), ids);
                assertThat(ids.toArray())
                        .as("cut at %d of %s", cut, abbreviate(text.substring(Math.max(0, cut - 20))))
                        .isEqualTo(whole);
                cuts++;
                to = cut;
            }
        }
        assertThat(cuts).isGreaterThan(1000);
    }

    /**
     * The tokenizer hands text with lone surrogates to this fast path as it is ({@link
     * SegmentEncoder#readsLoneSurrogatesAsReplacement}): its ids and counts are those of the text with each
     * replaced by U+FFFD, which {@code encode} replaces first.
     */
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o", "r50k_base", "cl100k_base", "o200k_base"})
    void readsLoneSurrogatesAsReplacement(String name) {
        Tokenizer released = ReleasedTokenizers.tokensmith(name);
        Random random = new Random(name.hashCode());
        List<String> texts = new ArrayList<>();
        for (LabeledText t : AdversarialText.small()) {
            texts.add(t.text());
        }
        for (LabeledText t : ParityCorpus.open().documents(60_000)) {
            texts.add(withLoneSurrogates(t.text(), random));
        }
        texts.add("\uD800");
        texts.add("a\uDC00b \uDBFF\uD83D\uDE00 's\uDFFF'\uD800s 12\uDC003 \uD800\n\uDC00 \uFFFD\uD800");
        int lone = 0;
        for (String text : texts) {
            if (!hasLoneSurrogate(text)) {
                continue;
            }
            lone++;
            int[] expected = released.encode(text, false).ids();
            assertThat(released.encodeIds(text, false))
                    .as("encodeIds of %s", abbreviate(text))
                    .isEqualTo(expected);
            assertThat(released.countTokens(text))
                    .as("count of %s", abbreviate(text))
                    .isEqualTo(expected.length);
        }
        assertThat(lone).isGreaterThan(50);
    }

    /** Lone surrogates (and U+FFFD, and pairs cut in half) at random places, next to anything. */
    private static String withLoneSurrogates(String text, Random random) {
        char[] lone = {'\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFD', '\uD83D'};
        StringBuilder b = new StringBuilder(text);
        int n = 1 + b.length() / 50;
        for (int k = 0; k < n; k++) {
            b.insert(random.nextInt(b.length() + 1), lone[random.nextInt(lone.length)]);
        }
        return b.toString();
    }

    /** The fast path's ids, offsets and word indices, ids alone and count are those of {@code expected}. */
    private static void assertSameTokens(SegmentEncoder fast, Encoding expected, String text) {
        TokenSink sink = new TokenSink();
        fast.encode(text, 0, text.length(), sink);
        assertThat(sink.ids()).as("ids of %s", abbreviate(text)).isEqualTo(expected.ids());
        for (int i = 0; i < sink.size(); i++) {
            assertThat(new int[] {sink.startAt(i), sink.endAt(i), sink.wordAt(i)})
                    .as("token %d of %s", i, abbreviate(text))
                    .containsExactly(expected.startAt(i), expected.endAt(i), expected.wordIdAt(i));
        }
        IntList ids = new IntList();
        fast.encodeIds(text, 0, text.length(), ids);
        assertThat(ids.toArray()).as("encodeIds of %s", abbreviate(text)).isEqualTo(expected.ids());
        assertThat(fast.count(text, 0, text.length())).isEqualTo(expected.size());
    }

    /** The released tokenizer's model behind its pre-tokenizer, through the general pipeline only. */
    private static Tokenizer generalPipeline(String name) {
        Tokenizer released = ReleasedTokenizers.tokensmith(name);
        return Tokenizer.builder(released.model())
                .preTokenizer(released.preTokenizer().orElse(null))
                .build()
                .generalPathOnly();
    }

    private static SegmentEncoder fastPath(String name, Function<String, Optional<PieceScanner>> scanners) {
        Tokenizer released = ReleasedTokenizers.tokensmith(name);
        return SegmentEncoders.forPipeline(null, released.preTokenizer().orElse(null), released.model(), scanners)
                .orElseThrow();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
