package dev.tokensmith.transplant.method;

import dev.tokensmith.math.FloatMatrix;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The subword baselines: split the new token's text with the old tokenizer and take the mean of the pieces'
 * rows (FVT, "fast vocabulary transfer"), the first piece's row, or the last piece's. A text that yields no
 * piece gets the old vocabulary's mean row (counted as a fallback).
 */
final class SubwordMethod implements TransplantMethod {
    /** Which pieces' rows make the new row. */
    enum Mode {
        MEAN("fvt"),
        FIRST("first-subword"),
        LAST("last-subword");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private final Mode mode;
    private final OldTokenSplitter splitter;

    SubwordMethod(Mode mode, OldTokenSplitter splitter) {
        this.mode = mode;
        this.splitter = splitter;
    }

    @Override
    public String name() {
        return mode.label;
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("pieces", mode.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Estimate estimate(TransplantProblem p, Table table, MethodContext context) {
        Ticker ticker = Ticker.start(context.progress(), Ticker.stage(name(), table), p.newIds().length);
        FloatMatrix base = p.base(table);
        float[] mean = null;
        int fallbacks = 0;
        FloatMatrix out = FloatMatrix.zeros(p.newIds().length, p.hidden());
        for (int i = 0; i < p.newIds().length; i++, ticker.tick()) {
            int[] pieces = splitter.split(p.newTexts()[i]);
            if (pieces.length == 0) {
                if (mean == null) {
                    mean = Rows.mean(base, p.oldIds());
                }
                out.setRow(i, mean);
                fallbacks++;
                continue;
            }
            int[] chosen = switch (mode) {
                case MEAN -> pieces;
                case FIRST -> new int[] {pieces[0]};
                case LAST -> new int[] {pieces[pieces.length - 1]};
            };
            double[] w = new double[chosen.length];
            Arrays.fill(w, 1.0 / chosen.length);
            out.setRow(i, Rows.combine(base, chosen, w, chosen.length));
        }
        ticker.finish();
        return new Estimate(out, Optional.empty(), fallbacks);
    }
}
