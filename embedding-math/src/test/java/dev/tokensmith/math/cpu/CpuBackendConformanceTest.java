package dev.tokensmith.math.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.MathBackendConformanceTest;
import dev.tokensmith.math.MathBackends;
import org.junit.jupiter.api.Test;

/** The {@code cpu} backend, with the Vector API kernels (surefire adds {@code jdk.incubator.vector}). */
class CpuBackendConformanceTest extends MathBackendConformanceTest {
    private final MathBackend backend = MathBackends.select("cpu");

    @Override
    protected MathBackend backend() {
        return backend;
    }

    @Test
    void usesTheVectorApiKernelsWhenTheModuleIsPresent() {
        assertThat(backend.description()).contains("Vector API");
    }
}
