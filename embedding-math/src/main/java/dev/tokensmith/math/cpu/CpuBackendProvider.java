package dev.tokensmith.math.cpu;

import dev.tokensmith.math.Availability;
import dev.tokensmith.math.MathBackend;
import dev.tokensmith.math.MathBackendProvider;

/**
 * {@code cpu}: the pure-Java backend, always available. It uses the Vector API kernels when
 * {@code jdk.incubator.vector} is in the boot layer ({@code --add-modules jdk.incubator.vector}) and
 * otherwise falls back to scalar kernels, logging why.
 *
 * <pre>{@code
 * MathBackend cpu = MathBackends.select("cpu");
 * }</pre>
 */
public final class CpuBackendProvider implements MathBackendProvider {
    public static final String NAME = "cpu";
    private static final System.Logger LOG = System.getLogger(CpuBackendProvider.class.getName());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 100;
    }

    @Override
    public Availability availability() {
        Availability vector = VectorSupport.status();
        return Availability.available(
                vector.available()
                        ? vector.detail()
                        : ScalarKernels.INSTANCE.describe() + ", because " + vector.detail());
    }

    @Override
    public MathBackend create() {
        Kernels kernels = VectorSupport.kernelsOrNull();
        if (kernels == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "cpu math backend uses scalar kernels (several times slower): "
                            + VectorSupport.status().detail());
            kernels = ScalarKernels.INSTANCE;
        }
        return new CpuBackend(NAME, kernels);
    }
}
