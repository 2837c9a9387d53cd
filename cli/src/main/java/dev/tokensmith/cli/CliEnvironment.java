package dev.tokensmith.cli;

import dev.tokensmith.cli.compare.ReferenceLoader;
import java.io.InputStream;
import java.util.function.Function;

/**
 * What the commands take from outside the arguments: standard input, environment variables and the loader of
 * the HF reference tokenizer. {@link #system()} is the real one; tests pass their own.
 *
 * @param stdin read when a command has no {@code --input} file
 * @param getenv environment variable lookup (null when unset)
 * @param references opens the HF reference for {@code compare}
 */
public record CliEnvironment(InputStream stdin, Function<String, String> getenv, ReferenceLoader references) {

    public static CliEnvironment system() {
        return new CliEnvironment(System.in, System::getenv, ReferenceLoader.djl());
    }
}
