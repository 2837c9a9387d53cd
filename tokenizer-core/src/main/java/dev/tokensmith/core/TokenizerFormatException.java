package dev.tokensmith.core;

/**
 * A tokenizer file that cannot be read: names the file (when known), the JSON path of the problem (when
 * known) and what is wrong, in one line.
 */
public final class TokenizerFormatException extends RuntimeException {
    private final String file;
    private final String path;
    private final String problem;

    public TokenizerFormatException(String file, String path, String problem) {
        this(file, path, problem, null);
    }

    public TokenizerFormatException(String file, String path, String problem, Throwable cause) {
        super(format(file, path, problem), cause);
        this.file = file;
        this.path = path;
        this.problem = problem;
    }

    private static String format(String file, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append("at ").append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** This error, attributed to {@code file} (keeps the path and problem). */
    public TokenizerFormatException inFile(String file) {
        return this.file != null ? this : new TokenizerFormatException(file, path, problem, getCause());
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
