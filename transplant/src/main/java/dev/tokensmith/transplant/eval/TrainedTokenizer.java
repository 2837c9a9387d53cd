package dev.tokensmith.transplant.eval;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.format.TokenizerJson;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.train.BpeTrainer;
import dev.tokensmith.core.train.PreTokenCounts;
import dev.tokensmith.core.train.TrainingTemplate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tukaani.xz.XZInputStream;

/**
 * Experiment B's Tokensmith-trained tokenizer: GPT-2-style byte-level BPE ({@link TrainingTemplate#BYTE_LEVEL})
 * trained by {@link BpeTrainer} on English corpora that the evaluation sentences do not come from (the first
 * {@value #CHARS_PER_SOURCE} characters of each of {@link #SOURCES}). Trained once and kept as tokenizer.json in
 * the cache folder.
 */
public final class TrainedTokenizer {
    public static final List<String> SOURCES = List.of(
            "corpora/domain/tech-python-docs.txt.xz",
            "corpora/domain/tech-manpages-en.txt.xz",
            "corpora/domain/package-descriptions.txt.xz",
            "corpora/domain/email.txt.xz",
            "corpora/domain/quotes-fortunes-en.txt.xz",
            "corpora/domain/legal-licenses.txt.xz",
            "corpora/domain/tech-kernel-docs.txt.xz",
            "corpora/domain/changelogs.txt.xz");

    static final int CHARS_PER_SOURCE = 4_000_000;

    private TrainedTokenizer() {}

    /** The name experiment B reports it under. */
    public static String name(int vocabSize) {
        return "tokensmith-bpe-" + (vocabSize / 1000) + "k";
    }

    /** The tokenizer, trained now or read from {@code cacheDir}. */
    public static Tokenizer load(Path dataDir, Path cacheDir, int vocabSize, int threads) {
        Path file = cacheDir.resolve(name(vocabSize) + ".json");
        if (Files.isRegularFile(file)) {
            return TokenizerJson.read(file);
        }
        TrainingTemplate template = TrainingTemplate.BYTE_LEVEL;
        PreTokenCounts counts = count(dataDir, template);
        BpeTrainer trainer =
                template.trainer().vocabSize(vocabSize).threads(threads).build();
        Tokenizer t = template.tokenizer(trainer.train(counts));
        try {
            Files.createDirectories(cacheDir);
            TokenizerJson.write(t, file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return t;
    }

    static PreTokenCounts count(Path dataDir, TrainingTemplate template) {
        Map<String, Long> counts = new HashMap<>();
        for (String source : SOURCES) {
            Path f = dataDir.resolve(source);
            if (!Files.isRegularFile(f)) {
                throw new IllegalStateException(f + " is missing: training reads the shared corpora");
            }
            try (InputStream in = new XZInputStream(Files.newInputStream(f));
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                long read = 0;
                String line;
                while ((line = r.readLine()) != null && read < CHARS_PER_SOURCE) {
                    read += line.length() + 1;
                    PreTokenizedString pts = PreTokenizedString.of(line + "\n");
                    template.normalizer().ifPresent(n -> pts.normalize(n::normalize));
                    template.preTokenizer().preTokenize(pts);
                    for (PreTokenizedString.Split s : pts.splits()) {
                        counts.merge(s.normalized().get(), 1L, Long::sum);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(f + ": " + e.getMessage(), e);
            }
        }
        PreTokenCounts.Builder b = PreTokenCounts.builder();
        counts.forEach(b::add);
        return b.build();
    }
}
