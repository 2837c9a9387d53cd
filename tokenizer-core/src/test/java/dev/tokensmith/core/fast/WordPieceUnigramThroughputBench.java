package dev.tokensmith.core.fast;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.diff.DjlReference;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import dev.tokensmith.core.testdata.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

/**
 * Side by side, single thread, in one JVM: the HF oracle (DJL), Tokensmith's general pipeline and the BERT fast
 * path on bert-base-uncased, and DJL against Tokensmith on a SentencePiece unigram tokenizer, over English prose
 * and over text in 37 languages. Every measurement is the median of several passes over the whole text after
 * warm-up passes, in thread CPU time (the machine is shared). Prints MB/s (UTF-8) and ratios; asserts nothing.
 * Run with {@code -Dsurefire.excludedGroups=gpu -Dtest=WordPieceUnigramThroughputBench}; {@code
 * tokensmith.bench.bytes} sets the size of each text (default 4 MB), {@code tokensmith.bench.rounds} the passes.
 */
@Tag("bench")
class WordPieceUnigramThroughputBench {
    private static final long BYTES = Long.getLong("tokensmith.bench.bytes", 4_000_000L);
    private static final int ROUNDS = Integer.getInteger("tokensmith.bench.rounds", 5);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final String UNIGRAM_RESOURCE = "/dev/tokensmith/core/model/unigram-spm8k.json";

    @Test
    void bert() {
        Tokenizer bert = ReleasedTokenizers.tokensmith("bert");
        SegmentEncoder fast = SegmentEncoders.forPipeline(
                        bert.normalizer().orElseThrow(), bert.preTokenizer().orElseThrow(), bert.model())
                .orElseThrow();
        TokenSink sink = new TokenSink();
        try (DjlReference djl = DjlReference.load("bert", ReleasedTokenizers.path("bert"))) {
            HuggingFaceTokenizer hf = djl.djl();
            for (Map.Entry<String, List<String>> corpus : corpora().entrySet()) {
                List<String> texts = corpus.getValue();
                Map<String, Consumer<String>> runs = new LinkedHashMap<>();
                runs.put("HF (DJL) encode", t -> hf.encode(t, false, false));
                runs.put("Tokensmith general encode", t -> bert.encode(t, false));
                runs.put("Tokensmith fast encode (ids, offsets, words)", t -> {
                    sink.clear();
                    fast.encode(t, 0, t.length(), sink);
                });
                runs.put("Tokensmith fast count", t -> fast.count(t, 0, t.length()));
                report("bert " + corpus.getKey(), texts, runs);
            }
        }
    }

    @Test
    void unigram() throws IOException {
        Path json = Files.createTempFile("unigram", ".json");
        try (InputStream in = WordPieceUnigramThroughputBench.class.getResourceAsStream(UNIGRAM_RESOURCE)) {
            Files.write(json, in.readAllBytes());
        }
        Tokenizer unigram = Tokenizers.fromFile(json);
        try (DjlReference djl = DjlReference.load("unigram", json)) {
            HuggingFaceTokenizer hf = djl.djl();
            for (Map.Entry<String, List<String>> corpus : corpora().entrySet()) {
                List<String> texts = corpus.getValue();
                List<String> pieces = new ArrayList<>();
                for (String t : texts) {
                    unigram.preTokenize(t)
                            .forEach(s -> pieces.add(s.normalized().get()));
                }
                Map<String, Consumer<String>> runs = new LinkedHashMap<>();
                runs.put("HF (DJL) encode", t -> hf.encode(t, false, false));
                runs.put("Tokensmith encode", t -> unigram.encode(t, false));
                report("unigram " + corpus.getKey(), texts, runs);
                long bytes = utf8(texts);
                double model = median(() -> {
                    for (String p : pieces) {
                        unigram.model().tokenize(p);
                    }
                });
                System.out.printf(
                        Locale.ROOT,
                        "  %-48s %8.2f MB/s (of the text's bytes)%n",
                        "Unigram.tokenize alone on pre-tokenized pieces",
                        bytes / model / 1e6);
            }
        } finally {
            Files.deleteIfExists(json);
        }
    }

    private static void report(String title, List<String> texts, Map<String, Consumer<String>> runs) {
        long bytes = utf8(texts);
        System.out.printf(Locale.ROOT, "%s: %d texts, %,d bytes%n", title, texts.size(), bytes);
        double reference = -1;
        for (Map.Entry<String, Consumer<String>> run : runs.entrySet()) {
            Consumer<String> work = run.getValue();
            double seconds = median(() -> texts.forEach(work));
            double mbps = bytes / seconds / 1e6;
            if (reference < 0) {
                reference = mbps;
            }
            System.out.printf(Locale.ROOT, "  %-48s %8.2f MB/s  %6.2fx HF%n", run.getKey(), mbps, mbps / reference);
        }
    }

    /** Median thread CPU seconds of {@code ROUNDS} passes, after two warm-up passes. */
    private static double median(Runnable pass) {
        pass.run();
        pass.run();
        double[] t = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            pass.run();
            t[r] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        }
        Arrays.sort(t);
        return t[ROUNDS / 2];
    }

    /** English prose (nl/en) and an equal share of every language of nl/, as documents of at most 16 KB. */
    static Map<String, List<String>> corpora() {
        Path nl = TestData.dataDir().resolve("corpora").resolve("nl");
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("english", documents(read(nl.resolve("en.txt.xz"), BYTES)));
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(nl, "*.txt.xz")) {
            dir.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        List<String> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(documents(read(f, BYTES / files.size())));
        }
        out.put("multilingual", all);
        return out;
    }

    private static String read(Path xz, long bytes) {
        try (InputStream in = new XZInputStream(Files.newInputStream(xz))) {
            byte[] b = in.readNBytes((int) bytes);
            String s = new String(b, StandardCharsets.UTF_8);
            return s.endsWith("\uFFFD") ? s.substring(0, s.length() - 1) : s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> documents(String text) {
        List<String> out = new ArrayList<>();
        for (String doc : text.split("\n\n+")) {
            while (doc.length() > 16_384) {
                int cut = doc.lastIndexOf('\n', 16_384);
                cut = cut <= 0 ? 16_384 : cut;
                out.add(doc.substring(0, cut));
                doc = doc.substring(cut);
            }
            if (!doc.isBlank()) {
                out.add(doc);
            }
        }
        return out;
    }

    private static long utf8(List<String> texts) {
        long n = 0;
        for (String t : texts) {
            n += t.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }
}
