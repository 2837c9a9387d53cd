package dev.tokensmith.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code tokensmith} command: global options and the subcommands. Data goes to standard output, notes and
 * errors to standard error.
 */
@Command(
        name = "tokensmith",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description =
                "Exact tokenizers for the JVM: encode, decode, inspect, convert, compare, train and benchmark tokenizers.",
        subcommands = {
            EncodeCommand.class,
            DecodeCommand.class,
            InspectCommand.class,
            ConvertCommand.class,
            CompareCommand.class,
            CountCommand.class,
            TrainCommand.class,
            QuickstartCommand.class,
            BenchCommand.class,
            AlignCommand.class,
            DoctorCommand.class,
            TransplantCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (also: compare found a mismatch, or its reference is missing)",
            "2:bad input or usage (unreadable tokenizer file, invalid UTF-8 input, unknown option)"
        },
        footer = {"", "Run 'tokensmith help <command>' for the options of a command."})
public final class TokensmithCommand implements Callable<Integer> {
    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Print the stack trace of a failure.")
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "Print no notes on standard error, only data and errors.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    TokensmithCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** The command line with Tokensmith's error reporting, reading and writing through {@code environment}. */
    public static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new TokensmithCommand(environment));
        FailureHandler failures = new FailureHandler();
        cl.setExecutionExceptionHandler(failures);
        cl.setParameterExceptionHandler(failures);
        cl.setOut(out);
        cl.setErr(err);
        return cl;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    CliEnvironment environment() {
        return environment;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    boolean verbose() {
        return verbose;
    }

    /** A human note on standard error, unless {@code --quiet}. */
    void note(String message) {
        if (!quiet) {
            err().println("tokensmith: " + message);
            err().flush();
        }
    }
}
