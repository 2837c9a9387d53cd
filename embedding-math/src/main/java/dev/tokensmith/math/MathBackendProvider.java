package dev.tokensmith.math;

/**
 * A source of one {@link MathBackend}, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.tokensmith.math.MathBackendProvider}. Constructing a provider and asking
 * {@link #availability()} must be cheap and must not fail; the real work (loading native libraries,
 * allocating devices) happens in {@link #create()}, only for the provider that is chosen.
 *
 * <pre>{@code
 * public final class MyProvider implements MathBackendProvider {
 *     public String name() { return "mine"; }
 *     public int rank() { return 50; }
 *     public Availability availability() { return Availability.available("always"); }
 *     public MathBackend create() { return new MyBackend(); }
 * }
 * }</pre>
 */
public interface MathBackendProvider {
    /** A short lower-case name, unique among providers: what {@code --backend} and the property name. */
    String name();

    /** Preference when nothing is named: the available provider with the highest rank wins. */
    int rank();

    /** Whether {@link #create()} can work here, and why (not). */
    Availability availability();

    /** Creates the backend; called only when {@link #availability()} said available. */
    MathBackend create();
}
