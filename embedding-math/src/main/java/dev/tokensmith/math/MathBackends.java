package dev.tokensmith.math;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds {@link MathBackendProvider}s with {@link ServiceLoader} and chooses one: an explicit name (the API
 * argument or {@code --backend}) wins, then the system property {@value #PROPERTY}, then the environment
 * variable {@value #ENVIRONMENT}, else the available provider of highest rank. A name nobody provides fails at
 * once, listing what exists; passing over an unavailable, higher-ranked provider is logged with its reason.
 *
 * <pre>{@code
 * MathBackend b = MathBackends.select(null);              // e.g. "cpu"
 * MathBackends.doctor(null).forEach(System.err::println); // what was found and why
 * }</pre>
 */
public final class MathBackends {
    public static final String PROPERTY = "tokensmith.backend";
    public static final String ENVIRONMENT = "TOKENSMITH_BACKEND";

    private static final System.Logger LOG = System.getLogger(MathBackends.class.getName());

    private MathBackends() {}

    /** Every provider on the class path, highest rank first (then by name). */
    public static List<MathBackendProvider> providers() {
        List<MathBackendProvider> found = new ArrayList<>();
        ServiceLoader.load(MathBackendProvider.class, MathBackends.class.getClassLoader())
                .forEach(found::add);
        found.sort(BY_RANK);
        return found;
    }

    private static final Comparator<MathBackendProvider> BY_RANK =
            Comparator.comparingInt(MathBackendProvider::rank).reversed().thenComparing(MathBackendProvider::name);

    /**
     * Creates the chosen backend; {@code explicitName} may be null or blank to defer to the property, the
     * environment and then rank.
     *
     * @throws IllegalArgumentException for a name no provider has (the message lists the available ones)
     * @throws IllegalStateException when the named provider is unavailable here, or none is
     */
    public static MathBackend select(String explicitName) {
        Selection s = choose(explicitName, System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), providers());
        for (String passedOver : s.passedOver()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "math backend " + passedOver + "; using " + s.provider().name());
        }
        return s.provider().create();
    }

    /**
     * A diagnostic, one line per item: every provider (rank, available or why not), where the request came
     * from, and what would be chosen (or the error selection would raise).
     */
    public static List<String> doctor(String explicitName) {
        return doctor(explicitName, System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), providers());
    }

    static List<String> doctor(String explicit, String property, String env, List<MathBackendProvider> providers) {
        List<String> lines = new ArrayList<>();
        lines.add("math backends (" + providers.size() + " provider" + (providers.size() == 1 ? "" : "s") + "):");
        int width = providers.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        for (MathBackendProvider p : providers) {
            Availability a = safeAvailability(p);
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-" + width + "s  rank %4d  %s: %s",
                    p.name(),
                    p.rank(),
                    a.available() ? "available" : "unavailable",
                    a.detail()));
        }
        lines.add("requested: " + describeRequest(explicit, property, env));
        try {
            Selection s = choose(explicit, property, env, providers);
            s.passedOver().forEach(x -> lines.add("passed over: " + x));
            lines.add("chosen: " + s.provider().name() + " (" + s.source() + ")");
        } catch (RuntimeException e) {
            lines.add("chosen: none: " + e.getMessage());
        }
        return lines;
    }

    /** Which provider, why, and which better-ranked ones were passed over (with their reasons). */
    record Selection(MathBackendProvider provider, String source, List<String> passedOver) {}

    static Selection choose(String explicit, String property, String env, List<MathBackendProvider> providers) {
        List<MathBackendProvider> sorted = new ArrayList<>(providers);
        sorted.sort(BY_RANK);
        String[][] requests = {
            {explicit, "named explicitly"},
            {property, "system property " + PROPERTY},
            {env, "environment " + ENVIRONMENT}
        };
        for (String[] request : requests) {
            if (request[0] == null || request[0].isBlank()) {
                continue;
            }
            String name = request[0].trim().toLowerCase(Locale.ROOT);
            MathBackendProvider p = sorted.stream()
                    .filter(x -> x.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown math backend '" + name + "' (" + request[1]
                            + "); available: " + availableNames(sorted)));
            Availability a = safeAvailability(p);
            if (!a.available()) {
                throw new IllegalStateException("math backend '" + name + "' (" + request[1]
                        + ") is not available here: " + a.detail() + "; available: " + availableNames(sorted));
            }
            return new Selection(p, request[1], List.of());
        }
        List<String> passedOver = new ArrayList<>();
        for (MathBackendProvider p : sorted) {
            Availability a = safeAvailability(p);
            if (a.available()) {
                return new Selection(p, "best-ranked available", List.copyOf(passedOver));
            }
            passedOver.add(p.name() + " (rank " + p.rank() + ") unavailable: " + a.detail());
        }
        throw new IllegalStateException("no math backend is available"
                + (passedOver.isEmpty() ? " (no provider on the class path)" : ": " + String.join("; ", passedOver)));
    }

    private static String describeRequest(String explicit, String property, String env) {
        return "explicit=" + quoted(explicit) + ", -D" + PROPERTY + "=" + quoted(property) + ", " + ENVIRONMENT + "="
                + quoted(env);
    }

    private static String quoted(String s) {
        return s == null || s.isBlank() ? "(unset)" : "'" + s.trim() + "'";
    }

    private static String availableNames(List<MathBackendProvider> providers) {
        String names = providers.stream()
                .filter(p -> safeAvailability(p).available())
                .map(MathBackendProvider::name)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "(none)" : names;
    }

    /** A provider whose availability check throws is reported unavailable with the exception as reason. */
    private static Availability safeAvailability(MathBackendProvider p) {
        try {
            return p.availability();
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("availability check failed: " + e);
        }
    }
}
