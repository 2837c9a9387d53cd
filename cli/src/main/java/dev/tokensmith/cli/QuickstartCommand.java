package dev.tokensmith.cli;

import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.train.PreTokenCounts;
import dev.tokensmith.core.train.TrainingTemplate;
import dev.tokensmith.corpora.ParallelDocuments;
import dev.tokensmith.corpora.SampleCorpus;
import dev.tokensmith.corpora.TextSource;
import dev.tokensmith.corpora.count.PreTokenCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith quickstart}: a first look at what Tokensmith does, on a fresh clone. */
@Command(
        name = "quickstart",
        description = {
            "Compare tokenizers on a bundled multilingual sample.",
            "",
            "Loads the built-in tokenizers (r50k_base, p50k_base, cl100k_base, o200k_base) and every tokenizer",
            "file in the cache (DIR/tokenizers/*.json: llama3, gpt4o, llama2 and claude once fetched), encodes a",
            "bundled sample (prose in 12 languages, code, numbers, emoji) and prints a table. Characters are code",
            "points; times are wall-clock milliseconds (encode: after one warm-up run).",
            "",
            "It also trains a byte-level BPE tokenizer of 8,000 tokens on the embedded sample corpus (12 languages,",
            "8 programming languages; 3.4 MB) and adds it to the table as 'trained-8k' (its load time is the",
            "training time)."
        })
final class QuickstartCommand implements Callable<Integer> {
    /** What scripts/fetch-tokenizers.sh puts in the cache, in its order. */
    static final List<String> FETCHED = List.of("llama3", "gpt4o", "llama2", "claude");

    static final List<String> BUILTIN = List.of("r50k_base", "p50k_base", "cl100k_base", "o200k_base");

    @ParentCommand
    TokensmithCommand root;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "The tokenizer cache (default: system property tokensmith.cache, else $TOKENSMITH_CACHE;"
                    + " ./tokensmith passes <repo>/.cache).")
    Path cacheDir;

    @Option(names = "--no-train", description = "Skip training the 'trained-8k' tokenizer on the sample corpus.")
    boolean noTrain;

    @Override
    public Integer call() {
        String sample = SampleText.load();
        int bytes = sample.getBytes(StandardCharsets.UTF_8).length;
        int chars = sample.codePointCount(0, sample.length());
        root.note("encoding the bundled sample: " + bytes + " bytes, " + chars + " characters");
        TextTable table =
                new TextTable("tokenizer", "vocab", "tokens", "bytes/token", "chars/token", "load ms", "encode ms");
        List<String> missing = new ArrayList<>();
        int rows = 0;
        for (Map.Entry<String, Supplier<Tokenizer>> c : candidates(missing).entrySet()) {
            try {
                long t0 = System.nanoTime();
                Tokenizer t = c.getValue().get().withoutTruncationOrPadding();
                long t1 = System.nanoTime();
                t.encode(sample, false);
                long t2 = System.nanoTime();
                Encoding e = t.encode(sample, false);
                long t3 = System.nanoTime();
                int n = e.size();
                table.row(
                        c.getKey(),
                        Integer.toString(t.vocabSize(true)),
                        Integer.toString(n),
                        ratio(bytes, n),
                        ratio(chars, n),
                        millis(t1 - t0),
                        millis(t3 - t2));
                rows++;
            } catch (RuntimeException e) {
                root.note("skipped " + c.getKey() + ": " + FailureHandler.message(e));
                if (root.verbose()) {
                    e.printStackTrace(root.err());
                }
            }
        }
        missing.forEach(root::note);
        if (rows == 0) {
            root.err().println("tokensmith: no tokenizer could be loaded");
            return FailureHandler.FAILURE;
        }
        root.out().print(table);
        root.out().flush();
        return 0;
    }

    /** Built-ins first, then the fetched files in fetch order, then any other files by name. */
    private Map<String, Supplier<Tokenizer>> candidates(List<String> missing) {
        Map<String, Supplier<Tokenizer>> out = new LinkedHashMap<>();
        for (String name : BUILTIN) {
            out.put(name, () -> Tokenizers.builtin(name));
        }
        Path dir = CacheDir.resolve(cacheDir, root.environment().getenv());
        if (dir == null) {
            missing.add("no tokenizer cache configured (--cache-dir, -Dtokensmith.cache or $TOKENSMITH_CACHE):"
                    + " only the built-in tokenizers");
            return out;
        }
        Path folder = dir.resolve("tokenizers");
        List<Path> files = jsonFiles(folder);
        for (String name : FETCHED) {
            Path f = folder.resolve(name + ".json");
            if (files.remove(f)) {
                out.put(name, () -> Tokenizers.fromFile(f));
            } else {
                missing.add("skipped " + name + ": not in " + folder + " (./run-tests or scripts/fetch-tokenizers.sh"
                        + " fetches it)");
            }
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            out.put(name.substring(0, name.length() - ".json".length()), () -> Tokenizers.fromFile(f));
        }
        if (!noTrain) {
            out.put("trained-8k", QuickstartCommand::trainOnSample);
        }
        return out;
    }

    /** A byte-level BPE of 8,000 tokens trained on the embedded sample corpus, on all cores. */
    static Tokenizer trainOnSample() {
        TrainingTemplate template = TrainingTemplate.BYTE_LEVEL;
        int threads = Runtime.getRuntime().availableProcessors();
        PreTokenCounter counter = PreTokenCounter.builder(template.normalizer().orElse(null), template.preTokenizer())
                .threads(threads)
                .build();
        TextSource sample = SampleCorpus.open().all();
        try (Stream<String> docs = ParallelDocuments.of(sample, threads)) {
            PreTokenCounts counts = counter.count(docs);
            return template.tokenizer(
                    template.trainer().vocabSize(8_000).threads(threads).build().train(counts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> jsonFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new ArrayList<>();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList());
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }

    private static String ratio(int amount, int tokens) {
        return tokens == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) amount / tokens);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
