package dev.tokensmith.math.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.MathBackendConformanceTest;
import dev.tokensmith.math.MathBackends;
import org.junit.jupiter.api.Test;

/** The {@code cpu-scalar} backend: the same algorithms over the plain-Java kernels. */
class CpuScalarBackendConformanceTest extends MathBackendConformanceTest {
    private final MathBackend backend = MathBackends.select("cpu-scalar");

    @Override
    protected MathBackend backend() {
        return backend;
    }

    @Test
    void usesTheScalarKernels() {
        assertThat(backend.description()).contains("scalar");
    }
}
