package dev.tokensmith.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tokensmith bench}: measurements; its subcommands do the work. */
@Command(
        name = "bench",
        description = "Measure Tokensmith's speed side by side with other encoders.",
        subcommands = {BenchEncodeCommand.class})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    TokensmithCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'bench encode')");
    }
}
