package dev.tokensmith.math.cpu;

import dev.tokensmith.math.Availability;

/** Decides, once, whether the Vector API kernels can be used here, and says why not. */
final class VectorSupport {
    static final String MODULE = "jdk.incubator.vector";
    static final String HOW_TO_ENABLE = "start Java with --add-modules " + MODULE;

    private VectorSupport() {}

    private static final class Holder {
        static final Kernels KERNELS;
        static final Availability STATUS;

        static {
            Kernels kernels = null;
            Availability status;
            if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
                status = Availability.unavailable(MODULE + " is not in the boot layer (" + HOW_TO_ENABLE + ")");
            } else {
                try {
                    kernels = new VectorKernels();
                    status = Availability.available(kernels.describe());
                } catch (LinkageError | RuntimeException e) {
                    status = Availability.unavailable("the Vector API failed to initialise: " + e);
                }
            }
            KERNELS = kernels;
            STATUS = status;
        }
    }

    /** The Vector API kernels, or null when unavailable (then {@link #status()} says why). */
    static Kernels kernelsOrNull() {
        return Holder.KERNELS;
    }

    static Availability status() {
        return Holder.STATUS;
    }
}
