package dev.tokensmith.transplant.onnx;

/** An ONNX file that cannot be read or used as asked; the one-line message names the file and the problem. */
public final class OnnxFormatException extends RuntimeException {
    public OnnxFormatException(String file, String problem) {
        super(file == null ? problem : file + ": " + problem);
    }

    public OnnxFormatException(String file, String problem, Throwable cause) {
        super(file == null ? problem : file + ": " + problem, cause);
    }
}
