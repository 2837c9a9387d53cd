package dev.tokensmith.cli.compare;

/** The HF reference cannot run here (its library or native code is missing); not a problem of the input. */
public final class ReferenceUnavailableException extends RuntimeException {
    public ReferenceUnavailableException(String message) {
        super(message);
    }

    public ReferenceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
