package dev.tokensmith.transplant.method;

import java.util.List;

/**
 * The transplant methods. Defaults follow the published ones: OMP with {@value #OMP_K} atoms (the paper and
 * mergekit-tokensurgeon), TokenAdapt with {@code k = 3}, {@code τ = 0.3}, {@code w = 0.3}.
 *
 * <pre>{@code
 * TransplantMethod m = Methods.byName("fvt", splitter, null);
 * TransplantMethod omp = Methods.omp(Methods.OMP_K);
 * }</pre>
 */
public final class Methods {
    public static final int OMP_K = 64;
    public static final int TOKENADAPT_K = 3;
    public static final double TOKENADAPT_TEMPERATURE = 0.3;
    public static final double TOKENADAPT_WEIGHT = 0.3;

    /** The names {@link #byName} knows, in the order reports list them. */
    public static final List<String> NAMES =
            List.of("omp", "tokenadapt", "fvt", "first-subword", "last-subword", "mean", "zero");

    private Methods() {}

    /** Every new row zero. */
    public static TransplantMethod zero() {
        return new ConstantMethods.Zero();
    }

    /** Every new row the old vocabulary's mean. */
    public static TransplantMethod mean() {
        return mean(0, 0);
    }

    /** The old vocabulary's mean plus Gaussian noise of standard deviation {@code noise}, seeded. */
    public static TransplantMethod mean(double noise, long seed) {
        return new ConstantMethods.Mean(noise, seed);
    }

    /** FVT: the mean of the rows of the old tokenizer's pieces of the new token's text. */
    public static TransplantMethod fvt(OldTokenSplitter splitter) {
        return new SubwordMethod(SubwordMethod.Mode.MEAN, splitter);
    }

    /** The row of the first old piece. */
    public static TransplantMethod firstSubword(OldTokenSplitter splitter) {
        return new SubwordMethod(SubwordMethod.Mode.FIRST, splitter);
    }

    /** The row of the last old piece. */
    public static TransplantMethod lastSubword(OldTokenSplitter splitter) {
        return new SubwordMethod(SubwordMethod.Mode.LAST, splitter);
    }

    /** OMP with {@code k} atoms in the donor's space (needs a donor). */
    public static TransplantMethod omp(int k) {
        return new OmpMethod(k);
    }

    /** TokenAdapt's hybrid with the published defaults. */
    public static TransplantMethod tokenAdapt(OldTokenSplitter splitter, AuxiliarySpace aux) {
        return tokenAdapt(TOKENADAPT_K, TOKENADAPT_TEMPERATURE, TOKENADAPT_WEIGHT, splitter, aux);
    }

    /** TokenAdapt's hybrid: {@code k} global neighbours, temperature {@code τ}, global weight {@code w}. */
    public static TransplantMethod tokenAdapt(
            int k, double temperature, double globalWeight, OldTokenSplitter splitter, AuxiliarySpace aux) {
        return new TokenAdaptMethod(k, temperature, globalWeight, splitter, aux);
    }

    /**
     * A method by its command-line name with default settings; {@code splitter} is needed by the subword
     * methods and TokenAdapt, {@code aux} by TokenAdapt.
     *
     * @throws IllegalArgumentException for an unknown name, or a missing splitter / auxiliary space
     */
    public static TransplantMethod byName(String name, OldTokenSplitter splitter, AuxiliarySpace aux) {
        return switch (name) {
            case "omp" -> omp(OMP_K);
            case "tokenadapt" -> tokenAdapt(require(splitter, name), requireAux(aux));
            case "fvt" -> fvt(require(splitter, name));
            case "first-subword" -> firstSubword(require(splitter, name));
            case "last-subword" -> lastSubword(require(splitter, name));
            case "mean" -> mean();
            case "zero" -> zero();
            default -> throw new IllegalArgumentException("unknown method '" + name + "'; known: " + NAMES);
        };
    }

    private static OldTokenSplitter require(OldTokenSplitter s, String name) {
        if (s == null) {
            throw new IllegalArgumentException(name + " needs the old tokenizer");
        }
        return s;
    }

    private static AuxiliarySpace requireAux(AuxiliarySpace aux) {
        if (aux == null) {
            throw new IllegalArgumentException("tokenadapt needs an auxiliary embedding space");
        }
        return aux;
    }
}
