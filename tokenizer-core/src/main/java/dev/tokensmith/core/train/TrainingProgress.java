package dev.tokensmith.core.train;

/**
 * Where a long training run is: each stage announces its total, then advances. The CLI draws progress bars
 * from it; the library never prints.
 */
public interface TrainingProgress {
    TrainingProgress NONE = new TrainingProgress() {
        @Override
        public void stage(String name, long total) {}

        @Override
        public void advance(long done) {}
    };

    /** A new stage starts, with {@code total} units of work (0 when unknown). */
    void stage(String name, long total);

    /** {@code done} more units of the current stage are finished. */
    void advance(long done);
}
