package dev.tokensmith.core.text.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.diff.LabeledText;
import dev.tokensmith.core.format.Tiktoken;
import dev.tokensmith.core.pretokenizer.Split;
import dev.tokensmith.core.testdata.AdversarialText;
import dev.tokensmith.core.testdata.ParityCorpus;
import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.OnigRegex;
import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.SplitPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@link Split} on a recognised pattern (which uses the scanner) pre-tokenizes real text, in every language of
 * the corpora, exactly as a split on the regex path does: same pieces, same offsets into the original, with and
 * without inversion.
 */
@Tag("slow")
class SplitWithScannerTest {
    /** A few hundred KB spread over every category of the shared corpora, plus the adversarial texts. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        ParityCorpus.open().documents(300_000).forEach(t -> texts.add(t.text()));
        AdversarialText.all().stream().map(LabeledText::text).forEach(texts::add);
        return texts;
    }

    private static final List<String> TEXTS = texts();

    static List<ScannerOracle> patterns() {
        return ScannerOracle.all();
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void isolatedSplitsAreThoseOfTheRegexPath(ScannerOracle oracle) throws InterruptedException, ExecutionException {
        assertSameSplits(oracle, SplitBehavior.ISOLATED, false);
    }

    @Test
    void invertedRemovedSplitsAreThoseOfTheRegexPath() throws InterruptedException, ExecutionException {
        // GPT-4o's tokenizer.json splits this way with o200k's pattern
        assertSameSplits(ScannerOracle.of("o200k", Tiktoken.O200K_PATTERN), SplitBehavior.REMOVED, true);
    }

    /**
     * Compares text by text on two threads with deep stacks: java.util.regex recurses once per repetition of a
     * group, and the regex path of tiktoken's cl100k text read as Oniguruma, {@code (?:\p{N}{1,3})+}, overflows a
     * default stack on the long digit runs of the corpora (the scanner does not recurse).
     */
    private static void assertSameSplits(ScannerOracle oracle, SplitBehavior behavior, boolean invert)
            throws InterruptedException, ExecutionException {
        Split split = Split.regex(oracle.pattern(), behavior, invert);
        SplitPattern found = Patterns.regex(OnigRegex.compile(oracle.pattern()));
        SplitPattern regexPath = invert ? Patterns.invert(found) : found;
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(null, r, "deep-stack", 1L << 29));
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String text : TEXTS) {
                results.add(pool.submit(() -> {
                    PreTokenizedString scanned = PreTokenizedString.of(text);
                    split.preTokenize(scanned);
                    PreTokenizedString expected = PreTokenizedString.of(text);
                    expected.split((index, piece) -> piece.split(regexPath, behavior));
                    return difference(oracle.name(), text, describe(expected), describe(scanned));
                }));
            }
            List<String> differences = new ArrayList<>();
            for (Future<String> f : results) {
                String d = f.get();
                if (d != null && differences.size() < 3) {
                    differences.add(d);
                }
            }
            assertThat(differences).as(String.join("\n", differences)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(TEXTS.stream().mapToInt(String::length).sum()).isGreaterThan(200_000);
    }

    /** Null when equal, else the text and both lists of splits around the first difference. */
    private static String difference(String name, String text, List<String> expected, List<String> actual) {
        if (expected.equals(actual)) {
            return null;
        }
        int i = 0;
        while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        int from = Math.max(0, i - 3);
        return name + " differs at split " + i + " of " + ScannerOracle.escape(text) + "\n  regex path: "
                + escaped(expected.subList(from, Math.min(expected.size(), i + 4))) + "\n  scanner:    "
                + escaped(actual.subList(from, Math.min(actual.size(), i + 4)));
    }

    private static List<String> escaped(List<String> splits) {
        return splits.stream().map(ScannerOracle::escape).toList();
    }

    /** Each split's text and where it lies in the original. */
    private static List<String> describe(PreTokenizedString s) {
        List<String> out = new ArrayList<>();
        for (PreTokenizedString.Split split : s.splits()) {
            NormalizedString n = split.normalized();
            int[] offsets = n.toOriginal(0, n.length());
            out.add(n.get() + "@" + offsets[0] + ".." + offsets[1]);
        }
        return out;
    }
}
