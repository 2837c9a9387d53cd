package dev.tokensmith.cli;

import dev.tokensmith.cli.bench.BenchEncoder.Library;
import dev.tokensmith.cli.bench.Encoders;
import dev.tokensmith.cli.bench.Harness;
import dev.tokensmith.cli.bench.Threads;
import dev.tokensmith.cli.bench.Workload;
import dev.tokensmith.cli.bench.WorkloadResult;
import dev.tokensmith.cli.bench.Workloads;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tokensmith bench encode}: encoding speed of Tokensmith, JTokkit and HF tokenizers, side by side. */
@Command(
        name = "encode",
        description = {
            "Measure encoding speed side by side: Tokensmith, JTokkit and HF tokenizers",
            "(through DJL), in one JVM, on the same texts.",
            "",
            "Every encoder first encodes every text once and the token counts are",
            "compared (a warning row shows an encoder that differs); then come warm-up",
            "rounds, then measured rounds. A round runs each encoder once over all texts",
            "of a workload, in an order that rotates each round. Prints the median MB/s",
            "(10^6 bytes of UTF-8 input per second), the range over rounds, and",
            "Tokensmith's ratio to JTokkit and to HF. Special tokens are not added.",
            "JTokkit runs OpenAI's built-in encodings only; HF runs a HF tokenizer.json,",
            "and a built-in encoding through its converted tokenizer.json.",
            "",
            "With --threads N > 1, batch throughput: Tokensmith's encodeIdsBatch on N",
            "threads; the others (and countTokens) on a pool of N threads that hands",
            "out the same chunks of 16 texts."
        })
final class BenchEncodeCommand implements Callable<Integer> {
    static final String DATA_PROPERTY = "tokensmith.data";
    static final String DATA_ENV = "TOKENSMITH_DATA";

    @ParentCommand
    BenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-t", "--tokenizer"},
            required = true,
            paramLabel = "TOKENIZER",
            description = "A built-in name (r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base), a tokenizer"
                    + " file, or the name of a file in the tokenizer cache (llama3 for DIR/tokenizers/llama3.json).")
    String tokenizerSpec;

    @Option(
            names = {"-i", "--input"},
            paramLabel = "FILE",
            description = "Measure this UTF-8 file, split into documents at blank lines ('-': standard input).")
    Path input;

    @Option(names = "--lines", description = "With --input: each non-empty line is a text.")
    boolean lines;

    @Option(
            names = {"-w", "--workload"},
            split = ",",
            paramLabel = "NAME",
            description = "Built-in workloads (without --input; default all): prose, multilingual, code (from the"
                    + " data directory), sample, repeat-char, long-word, whitespace, random-utf8, pathological (the"
                    + " four generated ones) or all (real text, else sample, then pathological).")
    List<String> workloads;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The shared data directory (holding corpora/); default: system property tokensmith.data,"
                    + " else $TOKENSMITH_DATA.")
    Path dataDir;

    @Option(
            names = "--bytes",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Size of each real-text workload in UTF-8 bytes. Default: ${DEFAULT-VALUE}.")
    long bytes;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "Threads; above 1, batch throughput. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(
            names = "--rounds",
            paramLabel = "R",
            defaultValue = "10",
            description = "Measured rounds. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(
            names = "--warmup",
            paramLabel = "W",
            defaultValue = "3",
            description = "Warm-up rounds before them. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(
            names = "--against",
            split = ",",
            paramLabel = "LIB",
            defaultValue = "jtokkit,hf",
            description = "Libraries to measure besides Tokensmith: jtokkit, hf, or none. Default: ${DEFAULT-VALUE}.")
    List<String> against;

    @Option(
            names = "--hf-encode",
            description = "Measure HF through DJL's encode(), which also fetches token strings, spans and masks,"
                    + " instead of fetching only the ids.")
    boolean hfEncode;

    @Option(names = "--json", description = "Print the results as one JSON object instead of the tables.")
    boolean json;

    @Override
    public Integer call() {
        TokensmithCommand root = parent.root;
        checkOptions();
        Set<Library> others = libraries();
        // The input first: it is cheap to check, and a tokenizer can take seconds to load.
        List<Workload> selected = workloads(root);
        String resolved = resolveTokenizer(root);
        Tokenizer tokenizer = Tokenizers.load(resolved).withoutTruncationOrPadding();
        Harness harness = new Harness(warmup, rounds);
        List<WorkloadResult> results = new ArrayList<>();
        List<String> notes;
        try (Encoders.EncoderSet opened = Encoders.open(resolved, tokenizer, others, !hfEncode);
                Threads pool = Threads.of(threads)) {
            Encoders.EncoderSet set = threads > 1 ? opened.withOneThreadReferences() : opened;
            notes = new ArrayList<>(set.notes());
            for (Workload w : selected) {
                root.note(String.format(
                        Locale.ROOT,
                        "measuring %s: %d texts, %.2f MB, %d encoders",
                        w.name(),
                        w.texts().size(),
                        w.bytes() / 1e6,
                        set.encoders().size()));
                results.add(harness.run(w, set.encoders(), pool));
            }
        }
        BenchReport report = new BenchReport(tokenizerSpec, threads, warmup, rounds, results, notes);
        root.out().print(json ? report.json() : report.text());
        root.out().flush();
        return 0;
    }

    private void checkOptions() {
        if (threads < 1 || rounds < 1 || warmup < 0 || bytes < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--threads, --rounds and --bytes must be at least 1, --warmup at least 0");
        }
        if (input != null && workloads != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --input or --workload");
        }
        if (lines && input == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lines needs --input");
        }
    }

    private Set<Library> libraries() {
        Set<Library> others = EnumSet.noneOf(Library.class);
        for (String lib : against) {
            switch (lib.strip().toLowerCase(Locale.ROOT)) {
                case "jtokkit" -> others.add(Library.JTOKKIT);
                case "hf" -> others.add(Library.HF);
                case "none" -> {}
                default ->
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "unknown library for --against: " + lib + " (jtokkit, hf, none)");
            }
        }
        return others;
    }

    private List<Workload> workloads(TokensmithCommand root) {
        if (input != null) {
            InputOption file = new InputOption();
            file.input = input;
            String text = file.readText(root.environment().stdin());
            Workload w = Workloads.fromText(file.sourceName(), text, lines);
            if (w.texts().isEmpty()) {
                throw new BadInputException(file.sourceName() + ": no text to encode");
            }
            return List.of(w);
        }
        List<String> names = workloads == null ? List.of("all") : workloads;
        boolean generatedOnly = names.stream()
                .allMatch(n -> n.equals("pathological") || n.equals("sample") || Workloads.PATHOLOGICAL.contains(n));
        try {
            return Workloads.select(names, generatedOnly ? Optional.empty() : dataDir(root), bytes);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private Optional<Path> dataDir(TokensmithCommand root) {
        Path dir = dataDir;
        if (dir == null) {
            String p = System.getProperty(DATA_PROPERTY);
            if (p == null || p.isBlank()) {
                p = root.environment().getenv().apply(DATA_ENV);
            }
            dir = p == null || p.isBlank() ? null : Path.of(p);
        }
        if (dir != null && !Files.isDirectory(dir.resolve("corpora"))) {
            throw new BadInputException(dir + ": not a data directory (no corpora/ in it)");
        }
        return Optional.ofNullable(dir);
    }

    /** A built-in name or an existing file as given; else a file of that name in the tokenizer cache, if any. */
    private String resolveTokenizer(TokensmithCommand root) {
        if (Tokenizers.builtinNames().contains(tokenizerSpec) || Files.exists(Path.of(tokenizerSpec))) {
            return tokenizerSpec;
        }
        Path cache = CacheDir.resolve(null, root.environment().getenv());
        if (cache != null) {
            Path cached = cache.resolve("tokenizers").resolve(tokenizerSpec + ".json");
            if (Files.isRegularFile(cached)) {
                return cached.toString();
            }
        }
        return tokenizerSpec;
    }
}
