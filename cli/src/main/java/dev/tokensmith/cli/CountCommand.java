package dev.tokensmith.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.corpora.count.PreTokenCounter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith count}: pre-token counts of a corpus, the input of {@code train}. */
@Command(
        name = "count",
        description = {
            "Count the pre-tokens of a corpus into a counts file (docs/formats/pre-token-counts.md).",
            "",
            "Runs the template's normalizer and pre-tokenizer over every document on all cores, in bounded memory",
            "(sorted runs spill to disk past --memory-budget). Counts files merge: give several to 'train --counts'."
        })
final class CountCommand implements Callable<Integer> {
    @ParentCommand
    TokensmithCommand root;

    @Mixin
    CorpusOptions corpus;

    @Mixin
    PipelineOption pipeline;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            description = "The counts file to write.")
    Path out;

    @Option(names = "--engine", defaultValue = "local", description = "local (default: this JVM, all cores) or spark.")
    String engine;

    @Option(names = "--threads", paramLabel = "N", description = "Counting threads (default: all cores).")
    Integer threads;

    @Option(
            names = "--memory-budget",
            paramLabel = "SIZE",
            defaultValue = "2g",
            description = "Memory for count tables before spilling to disk, e.g. 512m, 4g (default 2g).")
    String memoryBudget;

    @Option(names = "--json", description = "Print the summary as JSON on standard output.")
    boolean json;

    @Option(
            names = "--spark-jar",
            paramLabel = "JAR",
            description = "With --engine spark: the corpora-spark job jar (else $TOKENSMITH_SPARK_JAR).")
    Path sparkJar;

    @Option(
            names = "--spark-master",
            paramLabel = "URL",
            description = "With --engine spark: the master (default: spark-submit's, else local[*]).")
    String sparkMaster;

    @Override
    public Integer call() throws Exception {
        if (!corpus.given()) {
            throw new BadInputException("--corpus is required");
        }
        if (engine.equals("spark")) {
            var getenv = root.environment().getenv();
            List<String> cmd = SparkEngine.command(
                    SparkEngine.findSparkSubmit(getenv),
                    SparkEngine.findJar(sparkJar, getenv),
                    sparkMaster,
                    corpus.paths,
                    pipeline,
                    out);
            root.note("running " + String.join(" ", cmd));
            int code = SparkEngine.run(cmd, root.err());
            if (code != 0) {
                throw new IllegalStateException(
                        "spark-submit failed with exit code " + code + " (its output is above)");
            }
            return 0;
        }
        if (!engine.equals("local")) {
            throw new BadInputException("--engine must be local or spark, not '" + engine + "'");
        }
        CorpusCounting counting =
                new CorpusCounting(corpus, pipeline, Threads.resolve(threads), Sizes.parse(memoryBudget));
        long start = System.nanoTime();
        PreTokenCounter.Summary s;
        try (Progress progress = Progress.forTerminal(root.quiet)) {
            s = counting.countToFile(out, progress);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ObjectNode summary = Json.object();
        summary.put("out", out.toString());
        summary.put("template", pipeline.name());
        summary.put("documents", s.documents());
        summary.put("bytes", s.bytes());
        summary.put("distinct_pre_tokens", s.distinct());
        summary.put("pre_tokens", s.total());
        summary.put("spilled_runs", s.spills());
        summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
        if (json) {
            root.out().println(summary);
            root.out().flush();
        } else {
            root.note(String.format(
                    "counted %,d pre-tokens (%,d distinct) in %,d documents, %,d bytes, in %.1f s -> %s",
                    s.total(), s.distinct(), s.documents(), s.bytes(), seconds, out));
        }
        return 0;
    }
}
