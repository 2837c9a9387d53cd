package dev.tokensmith.transplant.method;

import dev.tokensmith.core.train.TrainingProgress;

/**
 * One stage of a method's per-token work: announces the stage with its total, then forwards advances in steps
 * of at least {@code step} tokens (a progress listener may synchronise; {@value #STEP} for per-token loops) and the
 * rest at {@link #finish}, so the stage always ends at its total. Not thread-safe: one loop ticks it.
 */
final class Ticker {
    static final int STEP = 256;

    private final TrainingProgress progress;
    private final long total;
    private final long step;
    private long reported;
    private long pending;

    private Ticker(TrainingProgress progress, long total, long step) {
        this.progress = progress;
        this.total = total;
        this.step = step;
    }

    /** Starts stage {@code name} of {@code total} tokens, reported in steps of {@value #STEP}. */
    static Ticker start(TrainingProgress progress, String name, long total) {
        return start(progress, name, total, STEP);
    }

    /** Starts stage {@code name} of {@code total} tokens, reported in steps of at least {@code step}. */
    static Ticker start(TrainingProgress progress, String name, long total, long step) {
        progress.stage(name, total);
        return new Ticker(progress, total, step);
    }

    /** The stage name for a method filling a table. */
    static String stage(String method, Table table) {
        return method + ": " + (table == Table.INPUT ? "input embeddings" : "output head");
    }

    /** {@code n} more tokens are done. */
    void tick(long n) {
        pending += n;
        if (pending >= step) {
            flush();
        }
    }

    void tick() {
        tick(1);
    }

    /** Reports what is pending and whatever is left up to the total. */
    void finish() {
        pending += Math.max(0, total - reported - pending);
        flush();
    }

    private void flush() {
        long n = Math.min(pending, total - reported);
        if (n > 0) {
            progress.advance(n);
            reported += n;
        }
        pending = 0;
    }
}
