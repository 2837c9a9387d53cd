package dev.tokensmith.cli;

/**
 * Input the user gave that cannot be used (an unreadable or invalid input file, malformed ids): reported in one
 * line and exit code 2, like a usage error.
 */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
