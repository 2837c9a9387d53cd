package dev.tokensmith.transplant.align;

import static dev.tokensmith.transplant.align.ReleasedTokenizers.vocab;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The alignment checked against the tokenizers themselves, on running text: what one tokenizer's tokens decode
 * to is what the tokens they are aligned with decode to in the other, and the canonical bytes of an encoding
 * spell out the text.
 */
class CrossTokenizerConsistencyTest {
    /** What the tokenizer's own decoder writes for a token mid-text (BERT: without the space its decoder puts
     * before punctuation and unspaced scripts, see {@link DecoderAgreementTest}). */
    private static byte[] decoded(CanonicalVocab v, MidText mid, int id) {
        byte[] b = mid.bytes(id);
        String token = v.token(id);
        boolean glued = v.spelling().family() == TokenSpelling.Family.WORD_SPLIT
                && !token.startsWith(v.spelling().continuingPrefix())
                && GluedStarts.isGlued(token.codePointAt(0));
        return glued && b.length > 0 && b[0] == ' ' ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    /** The minimum shares are the measured ones (docs/transplant.md) rounded down. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "llama2, llama3, 0.95",
        "llama3, cl100k_base, 0.80",
        "cl100k_base, llama3, 1.00",
        "r50k_base, cl100k_base, 0.95",
        "bert, r50k_base, 0.70",
        "llama2, bert, 0.55",
        "claude, cl100k_base, 0.90"
    })
    void alignedTokensDecodeToTheSameBytes(String from, String to, double minCoverage) {
        CanonicalVocab a = vocab(from);
        CanonicalVocab b = vocab(to);
        VocabAlignment alignment = VocabAlignment.between(a, b);
        MidText midA = new MidText(a.tokenizer());
        MidText midB = new MidText(b.tokenizer());
        int tokens = 0;
        int aligned = 0;
        List<String> mismatches = new ArrayList<>();
        for (String line : SampleText.lines()) {
            for (int id : a.tokenizer().encodeIds(line, false)) {
                tokens++;
                int target = alignment.targetOf(id);
                if (target < 0) {
                    continue;
                }
                aligned++;
                byte[] x = decoded(a, midA, id);
                byte[] y = decoded(b, midB, target);
                if (!Arrays.equals(x, y) && mismatches.size() < 10) {
                    mismatches.add(a.token(id) + " -> " + b.token(target));
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat((double) aligned / tokens)
                .as("share of %s's tokens of the sample text that %s has", from, to)
                .isGreaterThanOrEqualTo(minCoverage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3", "r50k_base", "cl100k_base", "claude", "llama2"})
    void theCanonicalBytesOfAnEncodingSpellTheText(String name) {
        CanonicalVocab v = vocab(name);
        for (String line : SampleText.lines()) {
            String expected = switch (name) {
                case "llama2" -> " " + line; // the normalizer prepends the space marker
                case "claude" -> Normalizer.normalize(line, Normalizer.Form.NFKC);
                default -> line;
            };
            assertThat(new String(spell(v, line), StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The quick brown fox jumps over the lazy dog.",
                "Prices rose, then fell; nobody knew why!",
                "In 1969, about 600 people watched.",
                "日本の東京です。"
            })
    void bertsCanonicalBytesSpellItsNormalizedTextWherePunctuationIsGlued(String text) {
        CanonicalVocab v = vocab("bert");
        String normalized = v.tokenizer().normalize(text).replaceAll(" +", " ").strip();
        String expected = " " + normalized.replaceAll(" (?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{P}])", "");
        if (GluedStarts.isGlued(normalized.codePointAt(0))) {
            expected = expected.substring(1);
        }
        assertThat(new String(spell(v, text), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "llama2, llama3",
        "llama3, llama2",
        "bert, llama2",
        "llama2, bert",
        "bert, cl100k_base",
        "r50k_base, bert",
        "claude, llama2"
    })
    void aWordThatIsOneTokenOnBothSidesIsAlignedWithItself(String from, String to) {
        CanonicalVocab a = vocab(from);
        CanonicalVocab b = vocab(to);
        VocabAlignment alignment = VocabAlignment.between(a, b);
        int both = 0;
        for (String word : words()) {
            int x = wordToken(a.tokenizer(), word);
            int y = wordToken(b.tokenizer(), word);
            if (x < 0 || y < 0) {
                continue;
            }
            both++;
            assertThat(alignment.targetOf(x))
                    .as("\"%s\": %s -> %s", word, a.token(x), b.token(y))
                    .isEqualTo(y);
            assertThat(alignment.sourceOf(y)).isEqualTo(x);
        }
        assertThat(both).isGreaterThan(20);
    }

    /** The one token of {@code word} after {@code "a "}, or -1 when it takes more. */
    private static int wordToken(Tokenizer t, String word) {
        int[] ids = t.encodeIds("a " + word, false);
        int[] context = t.encodeIds("a", false);
        return ids.length == 2 && ids[0] == context[0] ? ids[1] : -1;
    }

    /** Lower-case words of the sample text (BERT lower-cases), and a few common ones. */
    private static Set<String> words() {
        Set<String> out = new LinkedHashSet<>(List.of("the", "of", "and", "time", "people", "world", "number"));
        for (String line : SampleText.lines()) {
            for (String w : line.split("[^\\p{L}]+")) {
                if (!w.isEmpty()
                        && w.equals(w.toLowerCase(java.util.Locale.ROOT))
                        && w.chars().allMatch(c -> c < 0x80)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static byte[] spell(CanonicalVocab v, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id : v.tokenizer().encodeIds(text, false)) {
            out.writeBytes(v.bytes(id));
        }
        return out.toByteArray();
    }
}
