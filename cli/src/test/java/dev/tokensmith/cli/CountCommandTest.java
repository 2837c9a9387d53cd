package dev.tokensmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.train.PreTokenCountsFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountCommandTest {
    @TempDir
    Path dir;

    private CliRun.Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(
                new ByteArrayInputStream(new byte[0]),
                env::get,
                CliEnvironment.system().references());
        int code = TokensmithCommand.commandLine(environment, new PrintWriter(out), new PrintWriter(err))
                .execute(args);
        return new CliRun.Result(code, out.toString(), err.toString());
    }

    @Test
    void countsACorpusIntoAFileTrainCanRead() throws IOException {
        Path corpus = Files.writeString(dir.resolve("c.txt"), "hello world\n\nhello again\n");
        Path out = dir.resolve("counts.bin");
        CliRun.Result r = run(Map.of(), "count", "--corpus", corpus.toString(), "--out", out.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"pre_tokens\":4");
        assertThat(PreTokenCountsFile.read(out).countOf("hello")).isEqualTo(2);
        assertThat(PreTokenCountsFile.metadata(out).template()).isEqualTo("byte-level");
    }

    @Test
    void sparkEngineWithoutSparkSubmitIsBadInput() throws IOException {
        Path corpus = Files.writeString(dir.resolve("c.txt"), "hello");
        CliRun.Result r = run(
                Map.of("PATH", dir.toString()),
                "count",
                "--engine",
                "spark",
                "--corpus",
                corpus.toString(),
                "--out",
                dir.resolve("o.bin").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("needs spark-submit");
    }

    @Test
    void sparkEngineHandsTheJobToSparkSubmit() throws IOException {
        Path corpus = Files.writeString(dir.resolve("c.txt"), "hello");
        Path jar = Files.writeString(dir.resolve("job.jar"), "");
        Path args = dir.resolve("args.txt");
        Path bin = Files.createDirectories(dir.resolve("spark/bin"));
        Path submit = Files.writeString(bin.resolve("spark-submit"), "#!/bin/sh\necho \"$@\" > " + args + "\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));

        CliRun.Result r = run(
                Map.of("SPARK_HOME", dir.resolve("spark").toString()),
                "count",
                "--engine",
                "spark",
                "--spark-jar",
                jar.toString(),
                "--tokenizer-template",
                "llama3",
                "--corpus",
                corpus.toString(),
                "--out",
                "o.bin");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(args).strip())
                .isEqualTo("--class " + SparkEngine.MAIN_CLASS + " " + jar + " --corpus " + corpus
                        + " --tokenizer-template llama3 --out o.bin");
    }
}
