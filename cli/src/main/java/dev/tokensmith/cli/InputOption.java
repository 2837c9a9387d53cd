package dev.tokensmith.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --input FILE}: where a command reads its text, standard input when absent or {@code -}. */
final class InputOption {
    @Option(
            names = {"-i", "--input"},
            paramLabel = "FILE",
            description = "Read this UTF-8 file instead of standard input ('-' is standard input).")
    Path input;

    /** The input's text, strictly decoded as UTF-8. */
    String readText(InputStream stdin) {
        return Utf8Text.decode(readBytes(stdin), sourceName());
    }

    /** The input as a strictly decoding UTF-8 reader, for inputs too large to hold (the caller closes it). */
    java.io.Reader openReader(InputStream stdin) {
        return new Utf8Reader(openStream(stdin), sourceName());
    }

    /** How errors name the input. */
    String sourceName() {
        return fromStdin() ? "<stdin>" : input.toString();
    }

    private boolean fromStdin() {
        return input == null || input.toString().equals("-");
    }

    private InputStream openStream(InputStream stdin) {
        if (fromStdin()) {
            return stdin;
        }
        if (Files.isDirectory(input)) {
            throw new BadInputException(input + ": is a directory, not an input file");
        }
        try {
            return Files.newInputStream(input);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private byte[] readBytes(InputStream stdin) {
        InputStream in = openStream(stdin);
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw unreadable(e);
        } finally {
            if (in != stdin) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // everything was read; a failing close changes nothing
                }
            }
        }
    }

    private BadInputException unreadable(IOException e) {
        if (e instanceof NoSuchFileException) {
            return new BadInputException(input + ": no such input file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new BadInputException(input + ": permission denied", e);
        }
        return new BadInputException(sourceName() + ": cannot read: " + e.getMessage(), e);
    }
}
