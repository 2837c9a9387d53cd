package dev.tokensmith.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code tokensmith} command; {@code ./tokensmith} runs it. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // UTF-8 whatever the platform's console encoding: the output is data for other programs.
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code =
                TokensmithCommand.commandLine(CliEnvironment.system(), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
