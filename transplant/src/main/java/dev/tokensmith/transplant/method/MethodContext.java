package dev.tokensmith.transplant.method;

import dev.tokensmith.core.train.TrainingProgress;
import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.Parallelism;
import java.util.Objects;

/**
 * Where methods compute: the math backend, the threads it may use (owned by the caller), and where they report
 * progress. Each method announces its own stages ({@code "omp: input embeddings"}, ...) with the number of new
 * tokens as the total and advances to it; the library never prints.
 *
 * <pre>{@code
 * MethodContext quiet = new MethodContext(backend, parallelism);
 * MethodContext watched = new MethodContext(backend, parallelism, progressBars);
 * }</pre>
 *
 * @param backend the embedding-math backend
 * @param parallelism the threads kernels may use
 * @param progress where long work reports how far it is
 */
public record MethodContext(MathBackend backend, Parallelism parallelism, TrainingProgress progress) {
    public MethodContext {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(parallelism, "parallelism");
        Objects.requireNonNull(progress, "progress");
    }

    /** A context that reports no progress. */
    public MethodContext(MathBackend backend, Parallelism parallelism) {
        this(backend, parallelism, TrainingProgress.NONE);
    }
}
