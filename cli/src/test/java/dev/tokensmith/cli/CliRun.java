package dev.tokensmith.cli;

import dev.tokensmith.cli.compare.ReferenceLoader;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the CLI in-process, as {@code Main} would, with given standard input and captured output. */
final class CliRun {
    /** What one run produced. */
    record Result(int exitCode, String out, String err) {}

    private byte[] stdin = new byte[0];
    private Map<String, String> env = Map.of();
    private ReferenceLoader references = ReferenceLoader.djl();

    static CliRun cli() {
        return new CliRun();
    }

    CliRun stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    CliRun stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    CliRun env(Map<String, String> env) {
        this.env = Map.copyOf(env);
        return this;
    }

    CliRun references(ReferenceLoader references) {
        this.references = references;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new ByteArrayInputStream(stdin), env::get, references);
        int code = TokensmithCommand.commandLine(environment, new PrintWriter(out), new PrintWriter(err))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
