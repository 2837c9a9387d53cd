package dev.tokensmith.transplant.method;

import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.Parallelism;
import java.util.Objects;

/**
 * Where methods compute: the math backend and the threads it may use (owned by the caller).
 *
 * @param backend the embedding-math backend
 * @param parallelism the threads kernels may use
 */
public record MethodContext(MathBackend backend, Parallelism parallelism) {
    public MethodContext {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(parallelism, "parallelism");
    }
}
