package dev.tokensmith.transplant.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The results of {@code transplant eval}: experiment A (held-out tokens) and experiment B (one entry per new
 * tokenizer), each method's {@link MethodScore}.
 *
 * @param heldOut experiment A, if it ran
 * @param swaps experiment B per tokenizer name, in run order
 */
public record EvalReport(
        Optional<HeldOutExperiment.Outcome> heldOut, Map<String, TokenizerSwapExperiment.Outcome> swaps) {
    public EvalReport {
        swaps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(swaps));
    }

    /** {@code {"A": {method: {rowCosine, sentenceCosine, spearman}}, "B": {tokenizer: {method: {...}}}}}. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        heldOut.ifPresent(a -> {
            ObjectNode node = root.putObject("A");
            a.scores().forEach((m, s) -> scores(node.putObject(m), s));
        });
        if (!swaps.isEmpty()) {
            ObjectNode b = root.putObject("B");
            swaps.forEach((name, o) -> {
                ObjectNode t = b.putObject(name);
                o.scores().forEach((m, s) -> scores(t.putObject(m), s));
            });
        }
        return root;
    }

    private static void scores(ObjectNode n, MethodScore s) {
        if (Double.isNaN(s.rowCosine())) {
            n.putNull("rowCosine");
        } else {
            n.put("rowCosine", s.rowCosine());
        }
        n.put("sentenceCosine", s.sentenceCosine());
        n.put("spearman", s.spearman());
        n.put("outliers", s.outliers());
    }

    /** Markdown tables, as docs/transplant.md shows them. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        heldOut.ifPresent(a -> {
            b.append(String.format(
                    Locale.ROOT,
                    "A: held-out tokens (%d of %d held out; %.1f%% of the sentences' tokens)%n%n",
                    a.heldOut(),
                    a.vocab(),
                    100 * a.heldOutTokenShare()));
            table(b, a.scores(), true);
        });
        swaps.forEach((name, o) -> {
            b.append(String.format(
                    Locale.ROOT,
                    "%nB: tokenizer swap to %s (%d shared, %d new tokens; %.2f new tokens per original token)%n%n",
                    name,
                    o.shared(),
                    o.added(),
                    o.lengthRatio()));
            table(b, o.scores(), false);
        });
        return b.toString();
    }

    private static void table(StringBuilder b, Map<String, MethodScore> scores, boolean rows) {
        b.append(
                rows
                        ? "| method | row cosine | sentence cosine | Spearman | outliers |\n"
                        : "| method | sentence cosine | Spearman | outliers |\n");
        b.append(rows ? "|---|---:|---:|---:|---:|\n" : "|---|---:|---:|---:|\n");
        scores.forEach((m, s) -> {
            if (rows) {
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | %.4f | %.4f | %.4f | %d |%n",
                        m,
                        s.rowCosine(),
                        s.sentenceCosine(),
                        s.spearman(),
                        s.outliers()));
            } else {
                b.append(String.format(
                        Locale.ROOT, "| %s | %.4f | %.4f | %d |%n", m, s.sentenceCosine(), s.spearman(), s.outliers()));
            }
        });
    }
}
