package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error paths of {@code encode}; what it prints for real tokenizers is in the end-to-end tests. */
class EncodeCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void badTokenizerFileIsOneLineNamingFileAndJsonPathWithExitCode2() throws IOException {
        Path bad = file("tokenizer.json", "{\"version\": \"2.0\", \"model\": {}}");
        CliRun.Result r = cli().stdin("hello").run("encode", "-t", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tokensmith: " + bad + ": at $.version: unknown tokenizer version '2.0'\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void errorInsideTheModelNamesItsJsonPath() throws IOException {
        Path bad = file("tokenizer.json", "{\"version\": \"1.0\", \"model\": {\"type\": \"BPE\", \"vocab\": 3}}");
        CliRun.Result r = cli().stdin("hello").run("encode", "-t", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: " + bad + ": at $.model");
    }

    @Test
    void fileThatIsNotJsonIsBadInput() throws IOException {
        Path bad = file("tokenizer.json", "{\"version\": ");
        CliRun.Result r = cli().stdin("hello").run("encode", "-t", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: " + bad + ": not valid JSON");
    }

    @Test
    void missingTokenizerIsBadInput() {
        CliRun.Result r = cli().stdin("hello")
                .run("encode", "-t", dir.resolve("missing.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("missing.json").contains("no such file");
    }

    @Test
    void noStackTraceWithoutVerbose() throws IOException {
        Path bad = file("tokenizer.json", "{\"version\": \"2.0\"}");
        CliRun.Result r = cli().stdin("hello").run("encode", "-t", bad.toString());
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void verboseAfterTheCommandPrintsTheStackTrace() throws IOException {
        Path bad = file("tokenizer.json", "{\"version\": \"2.0\"}");
        CliRun.Result r = cli().stdin("hello").run("encode", "-t", bad.toString(), "--verbose");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("TokenizerFormatException").contains("\tat dev.tokensmith.");
    }

    @Test
    void invalidUtf8OnStandardInputIsBadInputNamingTheByteOffset() throws IOException {
        Path any = file("tokenizer.json", "{}");
        byte[] input = {'a', 'b', 'c', (byte) 0xC3, '(', 'd'};
        CliRun.Result r = cli().stdin(input).run("encode", "-t", any.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tokensmith: <stdin>: invalid UTF-8 at byte offset 3 (byte 0xC3)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void invalidUtf8InAnInputFileNamesTheFile() throws IOException {
        Path any = file("tokenizer.json", "{}");
        Path input = Files.write(dir.resolve("input.txt"), new byte[] {'o', 'k', '\n', (byte) 0x80});
        CliRun.Result r = cli().run("encode", "-t", any.toString(), "--lines", "--input", input.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tokensmith: " + input + ": invalid UTF-8 at byte offset 3 (byte 0x80)\n");
    }

    @Test
    void missingInputFileIsBadInput() throws IOException {
        Path any = file("tokenizer.json", "{}");
        CliRun.Result r = cli().run(
                        "encode",
                        "-t",
                        any.toString(),
                        "-i",
                        dir.resolve("nope.txt").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nope.txt: no such input file");
    }

    @Test
    void inputThatIsADirectoryIsBadInput() throws IOException {
        Path any = file("tokenizer.json", "{}");
        CliRun.Result r = cli().run("encode", "-t", any.toString(), "-i", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is a directory");
    }

    @Test
    void unknownBuiltInNameIsBadInput() {
        CliRun.Result r = cli().stdin("x").run("encode", "-t", "gpt9_base");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("gpt9_base").contains("built-in");
    }

    @Test
    void dashMeansStandardInput() throws IOException {
        Path any = file("tokenizer.json", "{}");
        CliRun.Result r = cli().stdin(new byte[] {(byte) 0xFF}).run("encode", "-t", any.toString(), "-i", "-");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("<stdin>: invalid UTF-8 at byte offset 0");
    }
}
