package dev.tokensmith.transplant.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-token quality report of a transplant: every new token's row norm against the base's typical norm (a
 * token whose norm is more than {@link #outlierSigmas()} standard deviations above the base's mean is an
 * outlier: it would dominate where its donor row was harmless), and for OMP the reconstruction residual in the
 * donor space and the coefficients' norms; summary statistics of each.
 *
 * <pre>{@code
 * QualityReport r = result.report();
 * System.out.println(r.toText(20));          // summary + the 20 worst tokens
 * Files.writeString(path, r.toJson().toPrettyString());
 * }</pre>
 *
 * @param method the method's name
 * @param settings its settings
 * @param sharedTokens how many tokens copied their base row
 * @param fallbacks new tokens that got the mean row because the method had nothing to go on
 * @param baseNormMean mean L2 norm of the base's old-vocabulary input rows
 * @param baseNormStd their standard deviation
 * @param outlierSigmas the outlier threshold, in standard deviations above {@code baseNormMean}
 * @param tokens one entry per new token, in new-id order
 */
public record QualityReport(
        String method,
        Map<String, Object> settings,
        int sharedTokens,
        int fallbacks,
        double baseNormMean,
        double baseNormStd,
        double outlierSigmas,
        List<TokenQuality> tokens) {

    /** The default outlier threshold: mean + 4σ. */
    public static final double DEFAULT_OUTLIER_SIGMAS = 4;

    public QualityReport {
        settings = Map.copyOf(settings);
        tokens = List.copyOf(tokens);
    }

    public List<TokenQuality> outliers() {
        return tokens.stream()
                .filter(TokenQuality::outlier)
                .sorted(Comparator.comparingDouble(TokenQuality::normZScore).reversed())
                .toList();
    }

    public Summary rowNorms() {
        return Summary.of(tokens.stream().mapToDouble(TokenQuality::rowNorm).toArray());
    }

    public Summary residuals() {
        return Summary.of(
                tokens.stream().mapToDouble(TokenQuality::relativeResidual).toArray());
    }

    public Summary coefficientL1() {
        return Summary.of(
                tokens.stream().mapToDouble(TokenQuality::coefficientL1).toArray());
    }

    public Summary coefficientL2() {
        return Summary.of(
                tokens.stream().mapToDouble(TokenQuality::coefficientL2).toArray());
    }

    /** A human summary and the {@code worst} tokens (outliers first, then by residual). */
    public String toText(int worst) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "method %s %s: %d new tokens, %d shared, %d fallbacks%n",
                method,
                settings,
                tokens.size(),
                sharedTokens,
                fallbacks));
        b.append(String.format(
                Locale.ROOT,
                "base row norm %.4f ± %.4f; outlier above %.4f (mean + %.1fσ): %d tokens%n",
                baseNormMean,
                baseNormStd,
                baseNormMean + outlierSigmas * baseNormStd,
                outlierSigmas,
                outliers().size()));
        line(b, "new row norm", rowNorms());
        line(b, "relative residual", residuals());
        line(b, "coefficient L1", coefficientL1());
        line(b, "coefficient L2", coefficientL2());
        List<TokenQuality> ranked = tokens.stream()
                .sorted(Comparator.comparing((TokenQuality t) -> !t.outlier())
                        .thenComparing(
                                t -> Double.isNaN(t.relativeResidual()) ? -t.normZScore() : -t.relativeResidual()))
                .limit(worst)
                .toList();
        boolean omp = residuals().count() > 0;
        if (!ranked.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%8s  %-24s %9s %7s", "id", "text", "norm", "z"));
            b.append(omp ? String.format(Locale.ROOT, " %9s %5s %9s%n", "residual", "atoms", "coef L1") : "\n");
            for (TokenQuality t : ranked) {
                b.append(String.format(
                        Locale.ROOT,
                        "%8d  %-24s %9.4f %7.2f",
                        t.newId(),
                        visible(t.text()),
                        t.rowNorm(),
                        t.normZScore()));
                if (omp) {
                    b.append(String.format(
                            Locale.ROOT, " %9.4f %5d %9.3f", t.relativeResidual(), t.atoms(), t.coefficientL1()));
                }
                b.append(t.outlier() ? "  OUTLIER" : "").append('\n');
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String what, Summary s) {
        if (s.count() > 0) {
            b.append(String.format(
                    Locale.ROOT,
                    "%-18s mean %.4f  median %.4f  p95 %.4f  max %.4f%n",
                    what,
                    s.mean(),
                    s.median(),
                    s.p95(),
                    s.max()));
        }
    }

    private static String visible(String text) {
        StringBuilder b = new StringBuilder("\"");
        text.codePoints().limit(20).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                b.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append(text.codePointCount(0, text.length()) > 20 ? "…\"" : "\"")
                .toString();
    }

    /** The whole report as JSON: settings, summaries, outliers and every token. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("method", method);
        ObjectNode s = o.putObject("settings");
        settings.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.put(e.getKey(), String.valueOf(e.getValue())));
        o.put("newTokens", tokens.size());
        o.put("sharedTokens", sharedTokens);
        o.put("fallbacks", fallbacks);
        o.put("baseNormMean", baseNormMean);
        o.put("baseNormStd", baseNormStd);
        o.put("outlierSigmas", outlierSigmas);
        ObjectNode sum = o.putObject("summary");
        summary(sum, "rowNorm", rowNorms());
        summary(sum, "relativeResidual", residuals());
        summary(sum, "coefficientL1", coefficientL1());
        summary(sum, "coefficientL2", coefficientL2());
        ArrayNode out = o.putArray("outliers");
        outliers().forEach(t -> out.add(t.newId()));
        ArrayNode all = o.putArray("tokens");
        for (TokenQuality t : tokens) {
            ObjectNode n = all.addObject();
            n.put("id", t.newId());
            n.put("text", t.text());
            n.put("rowNorm", t.rowNorm());
            n.put("normZ", t.normZScore());
            n.put("outlier", t.outlier());
            if (!Double.isNaN(t.relativeResidual())) {
                n.put("relativeResidual", t.relativeResidual());
                n.put("atoms", t.atoms());
                n.put("coefficientL1", t.coefficientL1());
                n.put("coefficientL2", t.coefficientL2());
            }
        }
        return o;
    }

    private static void summary(ObjectNode parent, String name, Summary s) {
        if (s.count() == 0) {
            return;
        }
        ObjectNode n = parent.putObject(name);
        n.put("mean", s.mean());
        n.put("median", s.median());
        n.put("p95", s.p95());
        n.put("max", s.max());
    }
}
