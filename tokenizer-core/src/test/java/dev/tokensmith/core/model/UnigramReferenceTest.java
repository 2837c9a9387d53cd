package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.diff.DifferentialCheck;
import dev.tokensmith.core.diff.DifferentialResult;
import dev.tokensmith.core.diff.DjlReference;
import dev.tokensmith.core.diff.LabeledText;
import dev.tokensmith.core.testdata.AdversarialText;
import dev.tokensmith.core.testdata.ParityCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Unigram model against HF tokenizers (DJL) on a real SentencePiece unigram vocabulary: 8,000 pieces trained
 * by {@code spm_train} on text in 37 languages, with its 256 byte pieces (made by {@code
 * scripts/spm-to-tokenizer-json.py}; Metaspace pre-tokenizer, no normalizer, so unnormalized input reaches the
 * model and many characters are unknown). With byte fallback as trained, and without it (unknown runs fused into
 * {@code <unk>}). Ids, offsets and decoded text must match on corpus documents and lines in every language and
 * on the adversarial inputs.
 */
@Tag("slow")
class UnigramReferenceTest {
    static final String RESOURCE = "/dev/tokensmith/core/model/unigram-spm8k.json";

    @TempDir
    static Path dir;

    static String json() {
        try (InputStream in = UnigramReferenceTest.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withByteFallback() throws IOException {
        String json = json();
        assertThat(json).contains("\"byte_fallback\":true");
        List<LabeledText> inputs = new ArrayList<>(ParityCorpus.open().documents(1_000_000));
        inputs.addAll(ParityCorpus.open().lines(200_000));
        inputs.addAll(AdversarialText.small());
        inputs.addAll(longPieces());
        check(json, "spm8k-byte-fallback", inputs);
    }

    @Test
    void withoutByteFallback() throws IOException {
        String json = json().replace("\"byte_fallback\":true", "\"byte_fallback\":false");
        List<LabeledText> inputs = new ArrayList<>(ParityCorpus.open().lines(300_000));
        inputs.addAll(AdversarialText.small());
        check(json, "spm8k", inputs);
    }

    /** Pieces of 100,000 characters: runs of one character and words without spaces in several scripts. */
    static List<LabeledText> longPieces() {
        List<LabeledText> out = new ArrayList<>();
        for (String s : new String[] {"a", "é", "中", "😀", "ab", "the", "\u0301"}) {
            out.add(new LabeledText("run of " + s, s.repeat(100_000 / s.length())));
        }
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder word = new StringBuilder();
        String[] parts = {"inter", "national", "isation", "ção", "ского", "日本語", "\uD83D\uDE00", "q", "x"};
        while (word.length() < 100_000) {
            word.append(parts[r.nextInt(parts.length)]);
        }
        out.add(new LabeledText("long compound", word.toString()));
        return out;
    }

    private static void check(String json, String name, List<LabeledText> inputs) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, json);
        try (DjlReference djl = DjlReference.load(name, file)) {
            DifferentialResult r = DifferentialCheck.withDefaults().run(Tokenizers.fromFile(file), djl, inputs);
            System.out.println(r.report());
            assertThat(r.passed()).withFailMessage(r::report).isTrue();
            assertThat(r.inputs() - r.notComparable()).isGreaterThan(inputs.size() * 9L / 10);
        }
    }
}
