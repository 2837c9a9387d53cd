package dev.tokensmith.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.testdata.AdversarialText;
import dev.tokensmith.core.testdata.ParityCorpus;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tokensmith against the reference implementations on every released tokenizer: HF tokenizers (DJL) for the
 * tokenizer.json files, tiktoken (JTokkit) for the OpenAI encodings and claude.json. Real text from the shared
 * corpora ({@code tokensmith.parity.bytes}, default 20 MB, as documents and a tenth of that as single lines) and
 * the adversarial inputs; every token id, offset and decoded text must match. A failure's message is the
 * differential report with the first mismatch in detail.
 */
@Tag("parity")
class ReleasedTokenizerParityTest {
    private static final long BYTES = Long.getLong("tokensmith.parity.bytes", 20_000_000L);

    private static final DifferentialCheck.Options OPTIONS = DifferentialCheck.Options.defaults();

    // Sampled once for all tokenizers: decompressing the corpora is a good part of the suite's time.
    private static List<LabeledText> documents;
    private static List<LabeledText> lines;
    private static List<LabeledText> adversarial;

    private static synchronized List<LabeledText> documents() {
        if (documents == null) {
            documents = ParityCorpus.open().documents(BYTES);
        }
        return documents;
    }

    private static synchronized List<LabeledText> lines() {
        if (lines == null) {
            lines = ParityCorpus.open().lines(BYTES / 10);
        }
        return lines;
    }

    private static synchronized List<LabeledText> adversarial() {
        if (adversarial == null) {
            adversarial = AdversarialText.all();
        }
        return adversarial;
    }

    static Stream<String> released() {
        List<String> all = new ArrayList<>(ReleasedTokenizers.HF);
        all.addAll(ReleasedTokenizers.TIKTOKEN);
        all.add("claude");
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void matchesTheReferenceOnCorpusDocuments(String name) {
        check(name, documents(), OPTIONS.withAddSpecialTokens(true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void matchesTheReferenceOnCorpusLines(String name) {
        check(name, lines(), OPTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void matchesTheReferenceOnAdversarialText(String name) {
        check(name, adversarial(), OPTIONS.withSkipSpecialTokensInDecode(true));
    }

    private static void check(String name, List<LabeledText> inputs, DifferentialCheck.Options options) {
        ReferenceTokenizer reference = ReleasedTokenizers.reference(name);
        try {
            ReferenceTokenizer ours;
            try {
                ours = ReferenceTokenizer.of(
                        "tokensmith:" + name,
                        ReleasedTokenizers.tokensmith(name).withoutTruncationOrPadding());
            } catch (RuntimeException e) {
                // Not loadable is reported like any other failure: as the first (and only) mismatch.
                ours = unloadable("tokensmith:" + name, e);
                options = options.withStopAtFirstMismatch(true);
            }
            DifferentialResult result = new DifferentialCheck(options).run(ours, reference, inputs);
            System.out.println(result.report());
            assertThat(result.passed()).withFailMessage(result::report).isTrue();
        } finally {
            if (reference instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static ReferenceTokenizer unloadable(String name, RuntimeException cause) {
        return new ReferenceTokenizer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Encoded encode(String text, boolean addSpecialTokens) {
                throw new IllegalStateException("cannot load " + name, cause);
            }

            @Override
            public String decode(int[] ids, boolean skipSpecialTokens) {
                throw new IllegalStateException("cannot load " + name, cause);
            }
        };
    }
}
