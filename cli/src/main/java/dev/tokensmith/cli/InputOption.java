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
        if (fromStdin()) {
            return new Utf8Reader(stdin, sourceName());
        }
        try {
            if (Files.isDirectory(input)) {
                throw new BadInputException(input + ": is a directory, not an input file");
            }
            return new Utf8Reader(Files.newInputStream(input), sourceName());
        } catch (NoSuchFileException e) {
            throw new BadInputException(input + ": no such input file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(input + ": permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(sourceName() + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** How errors name the input. */
    String sourceName() {
        return fromStdin() ? "<stdin>" : input.toString();
    }

    private boolean fromStdin() {
        return input == null || input.toString().equals("-");
    }

    private byte[] readBytes(InputStream stdin) {
        try {
            if (fromStdin()) {
                return stdin.readAllBytes();
            }
            if (Files.isDirectory(input)) {
                throw new BadInputException(input + ": is a directory, not an input file");
            }
            return Files.readAllBytes(input);
        } catch (NoSuchFileException e) {
            throw new BadInputException(input + ": no such input file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(input + ": permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(sourceName() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
