package dev.tokensmith.transplant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.train.TrainingProgress;
import java.util.ArrayList;
import java.util.List;

/** A progress listener that keeps every stage and advance, and checks that each stage ends at its total. */
public final class RecordingProgress implements TrainingProgress {
    /** One stage: its name, total and the advances reported in it. */
    public record Stage(String name, long total, List<Long> advances) {
        public long done() {
            return advances.stream().mapToLong(Long::longValue).sum();
        }
    }

    private final List<Stage> stages = new ArrayList<>();

    @Override
    public synchronized void stage(String name, long total) {
        stages.add(new Stage(name, total, new ArrayList<>()));
    }

    @Override
    public synchronized void advance(long done) {
        assertThat(stages).as("an advance before any stage").isNotEmpty();
        stages.getLast().advances().add(done);
    }

    public synchronized List<Stage> stages() {
        return List.copyOf(stages);
    }

    public List<String> names() {
        return stages().stream().map(Stage::name).toList();
    }

    /** Every stage moved forward only (positive steps) and ended exactly at its total. */
    public void assertEveryStageReachedItsTotal() {
        for (Stage s : stages()) {
            assertThat(s.advances()).as(s.name()).allMatch(n -> n > 0);
            assertThat(s.done()).as(s.name()).isEqualTo(s.total());
        }
    }
}
