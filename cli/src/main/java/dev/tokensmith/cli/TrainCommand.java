package dev.tokensmith.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.Provenance;
import dev.tokensmith.core.format.TokenizerJson;
import dev.tokensmith.core.train.BpeTrainer;
import dev.tokensmith.core.train.BpeTrainingResult;
import dev.tokensmith.core.train.PreTokenCounts;
import dev.tokensmith.core.train.PreTokenCountsFile;
import dev.tokensmith.core.train.PreTokenCountsFormatException;
import dev.tokensmith.core.train.PreTokenCountsMetadata;
import dev.tokensmith.core.train.TrainingTemplate;
import dev.tokensmith.core.train.VocabPadding;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith train}: a BPE tokenizer from a corpus or from counts files. */
@Command(
        name = "train",
        description = {
            "Train a BPE tokenizer (HF tokenizers' algorithm: the same merges on the same counts).",
            "",
            "Modes: byte-level (GPT-2), llama3, qwen2, char-level (KL3M: NFKC, tokens of at most 3 characters).",
            "Writes tokenizer.json (loads in HF tokenizers and transformers) and tokenizer.provenance.json beside it."
        })
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    TokensmithCommand root;

    @Mixin
    CorpusOptions corpus;

    @Option(
            names = "--counts",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Counts files from 'count' (merged).")
    List<Path> counts;

    @Option(
            names = {"--mode", "--tokenizer-template"},
            paramLabel = "MODE",
            defaultValue = "byte-level",
            description = "byte-level (default), llama3, qwen2 or char-level.")
    String mode;

    @Option(
            names = "--vocab-size",
            required = true,
            paramLabel = "N",
            description = "Target vocabulary size (special tokens and alphabet included).")
    int vocabSize;

    @Option(
            names = "--min-frequency",
            paramLabel = "F",
            defaultValue = "0",
            description = "Stop when the best pair occurs fewer times (default 0).")
    long minFrequency;

    @Option(
            names = "--max-token-length",
            paramLabel = "K",
            description = "Longest token in characters (char-level default 3). HF's max_token_length=K+1.")
    Integer maxTokenLength;

    @Option(
            names = "--special-tokens",
            split = ",",
            paramLabel = "TOKEN",
            description = "Special tokens, comma-separated (default: the mode's).")
    List<String> specialTokens;

    @Option(
            names = "--limit-alphabet",
            paramLabel = "N",
            description = "Keep at most N single characters (the rarest go).")
    Integer limitAlphabet;

    @Option(
            names = "--pad-to",
            paramLabel = "multiple:N|pow2",
            description = "Pad the vocabulary to a multiple of N or to a power of two.")
    String padTo;

    @Option(
            names = "--pad-with",
            paramLabel = "reserved|whitespace",
            description =
                    "Padding tokens: reserved specials (default) or runs of spaces/newlines (char-level default).")
    String padWith;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads for counting and merging (default: all cores).")
    Integer threads;

    @Option(
            names = "--memory-budget",
            paramLabel = "SIZE",
            defaultValue = "2g",
            description = "Memory for count tables before spilling (default 2g).")
    String memoryBudget;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            description = "The tokenizer.json to write.")
    Path out;

    @Option(names = "--json", description = "Print the summary as JSON on standard output.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (corpus.given() == (counts != null && !counts.isEmpty())) {
            throw new BadInputException("give either --corpus or --counts");
        }
        TrainingTemplate template = template();
        int threadCount = Threads.resolve(threads);
        VocabPadding padding = padding(template);
        BpeTrainer trainer = trainer(template, threadCount);
        List<Provenance.Input> inputs = new ArrayList<>();

        long start = System.nanoTime();
        PreTokenCounts preTokens;
        try (Progress progress = Progress.forTerminal(root.quiet)) {
            if (corpus.given()) {
                PipelineOption pipeline = new PipelineOption();
                pipeline.template = template.id();
                CorpusCounting counting = new CorpusCounting(corpus, pipeline, threadCount, Sizes.parse(memoryBudget));
                inputs.addAll(counting.inputs());
                preTokens = counting.count(progress);
            } else {
                preTokens = readCounts(template, inputs);
            }
            long counted = System.nanoTime();
            BpeTrainingResult result = trainer.train(preTokens, progress);
            progress.close();
            Tokenizer tokenizer = template.tokenizer(result);
            if (padding != null) {
                tokenizer = padding.apply(tokenizer);
            }
            long trained = System.nanoTime();
            TokenizerJson.write(tokenizer, out);
            Provenance.of("tokensmith train", configuration(template, trainer), inputs)
                    .writeBeside(out);
            report(result, tokenizer, preTokens, (counted - start) / 1e9, (trained - counted) / 1e9);
        }
        return 0;
    }

    private TrainingTemplate template() {
        try {
            return TrainingTemplate.byId(mode);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private BpeTrainer trainer(TrainingTemplate template, int threadCount) {
        try {
            BpeTrainer.Builder b = template.trainer()
                    .vocabSize(vocabSize)
                    .minFrequency(minFrequency)
                    .threads(threadCount);
            if (maxTokenLength != null) {
                b.maxTokenLength(maxTokenLength);
            }
            if (specialTokens != null) {
                b.specialTokens(specialTokens.stream().filter(s -> !s.isEmpty()).toList());
            }
            if (limitAlphabet != null) {
                b.limitAlphabet(limitAlphabet);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private VocabPadding padding(TrainingTemplate template) {
        VocabPadding.Filler filler;
        if (padWith == null) {
            filler = template == TrainingTemplate.CHAR_LEVEL
                    ? VocabPadding.Filler.WHITESPACE
                    : VocabPadding.Filler.RESERVED;
        } else {
            filler = switch (padWith) {
                case "reserved" -> VocabPadding.Filler.RESERVED;
                case "whitespace" -> VocabPadding.Filler.WHITESPACE;
                default ->
                    throw new BadInputException("--pad-with must be reserved or whitespace, not '" + padWith + "'");
            };
        }
        if (padTo == null) {
            if (padWith != null) {
                throw new BadInputException("--pad-with needs --pad-to");
            }
            return null;
        }
        if (padTo.equals("pow2")) {
            return VocabPadding.toPowerOfTwo(filler);
        }
        if (padTo.startsWith("multiple:")) {
            try {
                return VocabPadding.toMultipleOf(Integer.parseInt(padTo.substring("multiple:".length())), filler);
            } catch (IllegalArgumentException e) {
                // NumberFormatException included: one message for every malformed value
            }
        }
        throw new BadInputException("--pad-to must be multiple:N (N > 0) or pow2, not '" + padTo + "'");
    }

    private PreTokenCounts readCounts(TrainingTemplate template, List<Provenance.Input> inputs) throws IOException {
        List<PreTokenCounts> parts = new ArrayList<>();
        for (Path file : counts) {
            try {
                PreTokenCountsMetadata meta = PreTokenCountsFile.metadata(file);
                if (meta.template() != null && !meta.template().equals(template.id())) {
                    throw new BadInputException(file + ": counted with template '" + meta.template()
                            + "', but training in mode '" + template.id() + "' (count again, or pass --mode "
                            + meta.template() + ")");
                }
                parts.add(PreTokenCountsFile.read(file));
                inputs.add(Provenance.Input.of("counts", file));
            } catch (PreTokenCountsFormatException e) {
                throw new BadInputException(e.getMessage(), e);
            } catch (NoSuchFileException e) {
                throw new BadInputException(file + ": no such file", e);
            }
        }
        return PreTokenCounts.mergeAll(parts);
    }

    private Map<String, Object> configuration(TrainingTemplate template, BpeTrainer trainer) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mode", template.id());
        c.put("vocab_size", trainer.vocabSize());
        c.put("min_frequency", trainer.minFrequency());
        c.put("max_token_length", trainer.maxTokenLength());
        c.put("special_tokens", trainer.specialTokens());
        c.put("limit_alphabet", trainer.limitAlphabet());
        c.put("initial_alphabet_size", trainer.initialAlphabet().size());
        c.put("pad_to", padTo);
        c.put("pad_with", padWith);
        c.put("corpus", corpus.given() ? corpus.paths : null);
        c.put("documents", corpus.given() ? corpus.boundary : null);
        c.put(
                "counts",
                counts == null
                        ? null
                        : Arrays.asList(counts.stream().map(Path::toString).toArray()));
        return c;
    }

    private void report(
            BpeTrainingResult result,
            Tokenizer tokenizer,
            PreTokenCounts preTokens,
            double countSeconds,
            double trainSeconds) {
        ObjectNode summary = Json.object();
        summary.put("out", out.toString());
        summary.put("mode", mode);
        summary.put("vocab_size", tokenizer.vocabSize(true));
        summary.put("merges", result.merges().size());
        summary.put("alphabet", result.alphabetSize());
        summary.put("distinct_pre_tokens", preTokens.size());
        summary.put("pre_tokens", preTokens.total());
        summary.put("count_seconds", Math.round(countSeconds * 1000) / 1000.0);
        summary.put("train_seconds", Math.round(trainSeconds * 1000) / 1000.0);
        if (json) {
            root.out().println(summary);
            root.out().flush();
        } else {
            root.note(String.format(
                    "trained %,d tokens (%,d merges) on %,d pre-tokens (%,d distinct); counting %.1f s, merging %.1f s"
                            + " -> %s",
                    tokenizer.vocabSize(true),
                    result.merges().size(),
                    preTokens.total(),
                    preTokens.size(),
                    countSeconds,
                    trainSeconds,
                    out));
        }
    }
}
