package dev.tokensmith.math.cpu;

import dev.tokensmith.math.Availability;
import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.MathBackendProvider;

/**
 * {@code cpu-scalar}: the pure-Java backend with plain-Java kernels only; chosen by name (to compare or to
 * rule the Vector API out), never preferred over {@code cpu}.
 */
public final class ScalarBackendProvider implements MathBackendProvider {
    public static final String NAME = "cpu-scalar";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public Availability availability() {
        return Availability.available(ScalarKernels.INSTANCE.describe());
    }

    @Override
    public MathBackend create() {
        return new CpuBackend(NAME, ScalarKernels.INSTANCE);
    }
}
