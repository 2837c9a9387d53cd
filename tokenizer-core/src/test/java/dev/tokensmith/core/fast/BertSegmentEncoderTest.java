package dev.tokensmith.core.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.diff.LabeledText;
import dev.tokensmith.core.model.WordPiece;
import dev.tokensmith.core.normalizer.BertNormalizer;
import dev.tokensmith.core.pretokenizer.BertPreTokenizer;
import dev.tokensmith.core.testdata.AdversarialText;
import dev.tokensmith.core.testdata.ParityCorpus;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BERT fast path gives exactly what the general pipeline gives (ids, original offsets, word indices, counts)
 * for bert-base-uncased and for every BertNormalizer option over the same vocabulary: on corpus text in many
 * languages, every code point alone and in context, and generated strings full of the characters normalization
 * treats specially.
 */
class BertSegmentEncoderTest {
    /** Corpus text for bert-base-uncased; {@code -Dtokensmith.bert.bytes=20000000} for a longer run. */
    private static final long CORPUS_BYTES = Long.getLong("tokensmith.bert.bytes", 1_000_000L);

    /** Corpus lines for each normalizer option; {@code -Dtokensmith.bert.optionBytes=1000000} for more. */
    private static final long OPTION_BYTES = Long.getLong("tokensmith.bert.optionBytes", 50_000L);

    private static final WordPiece BERT =
            (WordPiece) ReleasedTokenizers.tokensmith("bert").model();

    /** The general pipeline without added tokens, so that every input is one segment. */
    private static Tokenizer general(BertNormalizer normalizer, WordPiece model) {
        return Tokenizer.builder(model)
                .normalizer(normalizer)
                .preTokenizer(new BertPreTokenizer())
                .build();
    }

    private static SegmentEncoder fast(BertNormalizer normalizer, WordPiece model) {
        return SegmentEncoders.forPipeline(normalizer, new BertPreTokenizer(), model)
                .orElseThrow();
    }

    static Stream<BertNormalizer> normalizers() {
        List<BertNormalizer> out = new ArrayList<>();
        for (boolean clean : new boolean[] {true, false}) {
            for (boolean chinese : new boolean[] {true, false}) {
                for (Boolean strip : new Boolean[] {null, true, false}) {
                    for (boolean lower : new boolean[] {true, false}) {
                        out.add(new BertNormalizer(clean, chinese, strip, lower));
                    }
                }
            }
        }
        out.add(null);
        return out.stream();
    }

    @Test
    void theReleasedPipelineHasTheFastPath() {
        Tokenizer bert = ReleasedTokenizers.tokensmith("bert");
        assertThat(SegmentEncoders.forPipeline(
                        bert.normalizer().orElseThrow(), bert.preTokenizer().orElseThrow(), bert.model()))
                .containsInstanceOf(BertSegmentEncoder.class);
    }

    @Test
    @Tag("slow")
    void bertBaseUncasedOnCorpusText() {
        BertNormalizer n = BertNormalizer.defaults();
        assertSame(general(n, BERT), fast(n, BERT), ParityCorpus.open().documents(CORPUS_BYTES));
    }

    @Test
    @Tag("slow")
    void bertBaseUncasedOnAdversarialText() {
        BertNormalizer n = BertNormalizer.defaults();
        assertSame(general(n, BERT), fast(n, BERT), AdversarialText.all());
    }

    /** One normalizer for each way a code point's table entry can differ, and none. */
    static Stream<BertNormalizer> distinctNormalizers() {
        return Stream.of(
                BertNormalizer.defaults(),
                new BertNormalizer(true, true, false, true),
                new BertNormalizer(true, true, true, false),
                new BertNormalizer(false, false, null, false),
                new BertNormalizer(false, true, true, true),
                new BertNormalizer(true, false, null, true),
                null);
    }

    @ParameterizedTest
    @MethodSource("distinctNormalizers")
    @Tag("slow")
    void everyCodePointUnderEachKindOfNormalizer(BertNormalizer n) {
        assertSame(general(n, BERT), fast(n, BERT), everyCodePoint());
    }

    @ParameterizedTest
    @MethodSource("normalizers")
    @Tag("slow")
    void everyNormalizerOptionOnTrickyStrings(BertNormalizer n) {
        List<LabeledText> texts = new ArrayList<>(tricky(8_000, n == null ? 1 : n.hashCode()));
        texts.addAll(AdversarialText.small());
        texts.addAll(ParityCorpus.open().lines(OPTION_BYTES));
        assertSame(general(n, BERT), fast(n, BERT), texts);
    }

    @Test
    void anOtherPrefixAShortWordLimitAndASmallVocabulary() {
        Map<String, Integer> vocab = new HashMap<>();
        for (Map.Entry<String, Integer> e : BERT.vocab().entrySet()) {
            String t = e.getKey();
            if (t.length() <= 3 || e.getValue() % 7 == 0 || t.equals("[UNK]")) {
                vocab.put(t.startsWith("##") ? "@@" + t.substring(2) : t, e.getValue());
            }
        }
        WordPiece model = new WordPiece(vocab, "[UNK]", "@@", 12);
        BertNormalizer n = BertNormalizer.defaults();
        List<LabeledText> texts = new ArrayList<>(tricky(5_000, 3));
        texts.addAll(ParityCorpus.open().lines(300_000));
        assertSame(general(n, model), fast(n, model), texts);
    }

    @Test
    void anEmptyPrefixAndNoWordLimit() {
        WordPiece model = new WordPiece(BERT.vocab(), "[UNK]", "", 0);
        WordPiece unlimited = new WordPiece(BERT.vocab(), "[UNK]", "##", Long.MAX_VALUE);
        BertNormalizer n = BertNormalizer.defaults();
        List<LabeledText> texts = ParityCorpus.open().lines(100_000);
        assertSame(general(n, model), fast(n, model), texts);
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder longWord = new StringBuilder();
        while (longWord.length() < 20_000) {
            longWord.append(r.nextBoolean() ? "donau" : "schiff").appendCodePoint(0x1F600 + r.nextInt(8));
        }
        List<LabeledText> longWords = List.of(
                new LabeledText("long word", longWord.toString()),
                new LabeledText("long words", (longWord + " ").repeat(3)),
                new LabeledText("101 chars", "a".repeat(101)),
                new LabeledText("100 chars", "a".repeat(100)));
        assertSame(general(n, unlimited), fast(n, unlimited), longWords);
        assertSame(general(n, BERT), fast(n, BERT), longWords);
    }

    @Test
    void aMissingUnknownTokenFailsAsTheModelDoes() {
        WordPiece model = new WordPiece(Map.of("a", 0, "##b", 1), "[UNK]", "##", 100);
        SegmentEncoder fast = fast(BertNormalizer.defaults(), model);
        TokenSink sink = new TokenSink();
        fast.encode("ab a", 0, 4, sink);
        assertThat(sink.ids()).containsExactly(0, 1, 0);
        assertThatThrownBy(() -> fast.encode("ac", 0, 2, new TokenSink()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("WordPiece error: Missing [UNK] token from the vocabulary");
        assertThatThrownBy(() -> general(BertNormalizer.defaults(), model).encode("ac", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("WordPiece error: Missing [UNK] token from the vocabulary");
    }

    @Test
    void aSegmentInsideALongerTextKeepsItsOffsets() {
        SegmentEncoder fast = fast(BertNormalizer.defaults(), BERT);
        String text = "[CLS] Héllo, wörld! 中文 x\uD834\uDD65\u0334y [SEP]";
        int from = 6;
        int to = text.length() - 6;
        TokenSink sink = new TokenSink();
        fast.encode(text, from, to, sink);
        Encoding e = general(BertNormalizer.defaults(), BERT).encode(text.substring(from, to), false);
        assertThat(sink.ids()).containsExactly(e.ids());
        for (int i = 0; i < e.size(); i++) {
            assertThat(sink.startAt(i)).isEqualTo(e.startAt(i) + from);
            assertThat(sink.endAt(i)).isEqualTo(e.endAt(i) + from);
        }
    }

    /** Every code point, 128 to a text: one after another, between letters, and between spaces. */
    static List<LabeledText> everyCodePoint() {
        List<LabeledText> out = new ArrayList<>();
        for (int start = 0; start <= Character.MAX_CODE_POINT; start += 128) {
            if (start >= 0xD800 && start < 0xE000) {
                continue;
            }
            boolean uniform = start >= 0x20000 && start < 0xE0000 || start >= 0xF0000;
            if (uniform && (start & 0xFFF) != 0) {
                continue; // CJK extensions, unassigned planes and private use: one block in 32
            }
            StringBuilder run = new StringBuilder();
            StringBuilder between = new StringBuilder();
            StringBuilder spaced = new StringBuilder();
            for (int c = start; c < start + 128; c++) {
                run.appendCodePoint(c);
                between.append('e').appendCodePoint(c).append('x');
                spaced.append(' ').appendCodePoint(c).append(' ');
            }
            String label = "U+" + Integer.toHexString(start);
            out.add(new LabeledText(label + " run", run.toString()));
            out.add(new LabeledText(label + " between", between.toString()));
            if (start < 0x10000) {
                out.add(new LabeledText(label + " spaced", spaced.toString()));
            }
        }
        return out;
    }

    /**
     * Random strings over characters that normalization treats specially: expanding and special lower-casing,
     * composed and decomposed accents, non-starters kept by accent stripping (musical symbol stems, Hangul tone
     * marks, Mongolian marks) among removed ones of every class, controls, format characters, white space that
     * is removed or kept, CJK, punctuation, surrogate pairs and lone surrogates.
     */
    static List<LabeledText> tricky(int count, long seed) {
        int[] alphabet = {
            'a', 'e', 'I', 'i', 'K', 'S', 'z', '1', 0x130, 0x131, 0xDF, 0xE9, 0xC5, 0x212B, 0x212A, 0x3A3, 0x1C5, 0x301,
            0x316, 0x334, 0x345, 0x344, 0x308, 0x1D165, 0x1D16D, 0x1D15E, 0x302E, 0x1885, 0x1886, 0xF73, 0xF75, 0xF71,
            0xF72, 0x1E944, 0x1DF6, 0x8D4, 0x16FF0, 0xA9BD, 0x111C9, 0x1734, 0xE31, 0x941, ' ', '\t', '\n', 0x85, 0xA0,
            0x2000, 0x3000, 0x200D, 0xAD, 0xFEFF, 0, 0xFFFD, 0x7F, 0x0B, '.', ',', '#', '$', 0x37E, 0x387, 0x2024,
            0x166D, 0x4E2D, 0x6587, 0xF900, 0x20000, 0xAC00, 0x1100, 0x1161, 0x3042, 0x1F600, 0xE000, 0xD800, 0xDC00,
            0x1E00, 0x1EA0, 0x1EC7, 0xFB01, 0x2126, 0x3D2, 0x1F88
        };
        SplittableRandom r = new SplittableRandom(seed);
        List<LabeledText> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(14);
            for (int i = 0; i < n; i++) {
                b.appendCodePoint(alphabet[r.nextInt(alphabet.length)]);
            }
            out.add(new LabeledText("tricky#" + k, b.toString()));
        }
        return out;
    }

    private static void assertSame(Tokenizer general, SegmentEncoder fast, List<LabeledText> texts) {
        TokenSink sink = new TokenSink();
        List<String> failures = new ArrayList<>();
        for (LabeledText t : texts) {
            String text = t.text();
            Encoding e = general.encode(text, false);
            sink.clear();
            fast.encode(text, 0, text.length(), sink);
            String diff = difference(e, sink);
            if (diff == null && fast.count(text, 0, text.length()) != e.size()) {
                diff = "count " + fast.count(text, 0, text.length()) + " != " + e.size();
            }
            if (diff != null && failures.size() < 10) {
                failures.add(t.label() + ": " + diff + " in " + escape(text, 200));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String difference(Encoding e, TokenSink s) {
        int n = Math.min(e.size(), s.size());
        for (int i = 0; i < n; i++) {
            if (e.idAt(i) != s.idAt(i)
                    || e.startAt(i) != s.startAt(i)
                    || e.endAt(i) != s.endAt(i)
                    || e.wordIdAt(i) != s.wordAt(i)) {
                return "token " + i + ": general (" + e.idAt(i) + " " + e.tokenAt(i) + " " + e.startAt(i) + ".."
                        + e.endAt(i) + " w" + e.wordIdAt(i) + ") fast (" + s.idAt(i) + " " + s.startAt(i) + ".."
                        + s.endAt(i) + " w" + s.wordAt(i) + ")";
            }
        }
        return e.size() == s.size() ? null : "sizes " + e.size() + " != " + s.size();
    }

    private static String escape(String s, int max) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(max).forEach(c -> {
            if (c >= 0x20 && c < 0x7F) {
                b.appendCodePoint(c);
            } else {
                b.append(String.format("\\u{%X}", c));
            }
        });
        return b.toString();
    }
}
