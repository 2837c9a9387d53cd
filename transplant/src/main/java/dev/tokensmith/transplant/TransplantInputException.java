package dev.tokensmith.transplant;

/**
 * A transplant's inputs do not fit together (shapes, missing files, a method without what it needs). The
 * message is one line naming the file or option and the problem; nothing has been written.
 */
public final class TransplantInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransplantInputException(String message) {
        super(message);
    }

    public TransplantInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
