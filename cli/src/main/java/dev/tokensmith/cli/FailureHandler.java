package dev.tokensmith.cli;

import dev.tokensmith.core.TokenizerFormatException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on standard error and an exit code: 2 for bad input (tokenizer files, input text,
 * usage), 1 for everything else. The stack trace only with {@code --verbose}.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean badInput = ex instanceof TokenizerFormatException || ex instanceof BadInputException;
        boolean verbose = root(commandLine).verbose();
        err.println("tokensmith: " + message(ex));
        if (verbose) {
            ex.printStackTrace(err);
        } else if (!badInput) {
            err.println("tokensmith: (run with --verbose for the stack trace)");
        }
        err.flush();
        return badInput ? BAD_INPUT : FAILURE;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("tokensmith: " + ex.getMessage());
        String name = cl.getCommandSpec().qualifiedName();
        err.println("tokensmith: see '" + name + " --help'");
        err.flush();
        return BAD_INPUT;
    }

    /** The exception's message, or its type when it has none. */
    static String message(Exception ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m.strip();
    }

    private static TokensmithCommand root(CommandLine cl) {
        CommandLine c = cl;
        while (c.getParent() != null) {
            c = c.getParent();
        }
        return c.getCommand();
    }
}
