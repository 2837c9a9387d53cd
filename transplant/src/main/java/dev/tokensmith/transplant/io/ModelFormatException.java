package dev.tokensmith.transplant.io;

/**
 * A model file or directory that cannot be read or written as asked: names the file and the problem in one
 * line, e.g. {@code model.safetensors: tensor 'lm_head.weight': data_offsets [0, 12) hold 12 bytes but shape
 * [2, 2] of F32 needs 16}.
 */
public final class ModelFormatException extends RuntimeException {
    private final String file;
    private final String problem;

    public ModelFormatException(String file, String problem) {
        this(file, problem, null);
    }

    public ModelFormatException(String file, String problem, Throwable cause) {
        super(file == null ? problem : file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file (or directory) the problem is in, or null when not known. */
    public String file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
