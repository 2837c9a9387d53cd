package dev.tokensmith.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code count --engine spark}: hands the counting to the corpora-spark module's job through {@code spark-submit},
 * which brings the cluster's Spark (the CLI does not carry 240 MB of Spark). The job writes the same counts file as
 * the local engine.
 */
final class SparkEngine {
    static final String MAIN_CLASS = "dev.tokensmith.corpora.spark.SparkCountMain";

    private SparkEngine() {}

    /** The spark-submit command line for counting {@code corpus} into {@code out}. */
    static List<String> command(
            Path sparkSubmit, Path jar, String master, List<String> corpus, PipelineOption pipeline, Path out) {
        List<String> cmd = new ArrayList<>(List.of(sparkSubmit.toString(), "--class", MAIN_CLASS));
        if (master != null) {
            cmd.addAll(List.of("--master", master));
        }
        cmd.add(jar.toString());
        cmd.add("--corpus");
        cmd.addAll(corpus);
        if (pipeline.tokenizer != null) {
            cmd.addAll(List.of("--tokenizer", pipeline.tokenizer));
        } else {
            cmd.addAll(List.of("--tokenizer-template", pipeline.template().id()));
        }
        cmd.addAll(List.of("--out", out.toString()));
        return cmd;
    }

    /** spark-submit from $SPARK_HOME/bin, else the first on $PATH. */
    static Path findSparkSubmit(Function<String, String> getenv) {
        String home = getenv.apply("SPARK_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "spark-submit"))) {
            return Path.of(home, "bin", "spark-submit");
        }
        String path = getenv.apply("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "spark-submit");
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new BadInputException("--engine spark needs spark-submit (a Spark 4.x distribution): set SPARK_HOME or"
                + " put spark-submit on PATH");
    }

    static Path findJar(Path given, Function<String, String> getenv) {
        String env = getenv.apply("TOKENSMITH_SPARK_JAR");
        Path jar = given != null ? given : env != null ? Path.of(env) : null;
        if (jar == null) {
            throw new BadInputException("--engine spark needs the corpora-spark job jar: pass --spark-jar or set"
                    + " TOKENSMITH_SPARK_JAR (build it with ./mvnw -pl corpora-spark -am package -DskipTests:"
                    + " corpora-spark/target/corpora-spark-<version>-spark.jar)");
        }
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException(jar + ": no such file (the corpora-spark job jar)");
        }
        return jar;
    }

    /** Runs the command, its output going to {@code err}; the exit code of spark-submit. */
    static int run(List<String> cmd, PrintWriter err) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (var in = p.inputReader()) {
            for (String line; (line = in.readLine()) != null; ) {
                err.println(line);
            }
        }
        err.flush();
        return p.waitFor();
    }
}
