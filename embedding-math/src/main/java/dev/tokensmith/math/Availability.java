package dev.tokensmith.math;

import java.util.Objects;

/**
 * Whether a {@link MathBackendProvider} can create its backend here, with a human reason either way (what it
 * found, or what is missing and how to fix it).
 */
public record Availability(boolean available, String detail) {
    public Availability {
        Objects.requireNonNull(detail, "detail");
    }

    public static Availability available(String detail) {
        return new Availability(true, detail);
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
