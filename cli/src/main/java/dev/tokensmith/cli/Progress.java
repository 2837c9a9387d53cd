package dev.tokensmith.cli;

import dev.tokensmith.core.train.TrainingProgress;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on standard error for long work, drawn only when standard error is a terminal (never into a log or
 * a pipe) and not with {@code --quiet}. One bar at a time; {@link #close} finishes it.
 */
final class Progress implements AutoCloseable, TrainingProgress {
    private final boolean enabled;
    private ProgressBar bar;

    private Progress(boolean enabled) {
        this.enabled = enabled;
    }

    /** Bars when standard error is a terminal and the user did not ask for quiet. */
    static Progress forTerminal(boolean quiet) {
        java.io.Console console = System.console();
        return new Progress(!quiet && console != null && console.isTerminal());
    }

    static Progress none() {
        return new Progress(false);
    }

    @Override
    public synchronized void stage(String name, long total) {
        close();
        if (enabled) {
            bar = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(total > 0 ? total : -1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .continuousUpdate()
                    .build();
        }
    }

    @Override
    public synchronized void advance(long done) {
        if (bar != null) {
            bar.stepBy(done);
        }
    }

    /** Sets the current stage's position to a running total (counting reports bytes read so far). */
    synchronized void advanceTo(long total) {
        if (bar != null) {
            bar.stepTo(total);
        }
    }

    LongConsumer runningTotal() {
        return this::advanceTo;
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
