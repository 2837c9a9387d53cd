package dev.tokensmith.corpora.spark;

import dev.tokensmith.core.train.PreTokenCountsFile;
import dev.tokensmith.core.train.PreTokenCountsWriter;
import java.io.IOException;
import java.nio.file.Path;

/** The one place the job's sorted entries become a counts file ({@link PreTokenCountsFile}). */
final class CountsFiles {
    private CountsFiles() {}

    /**
     * Hands {@code job} a sink whose entries stream into the counts file {@code out}, which appears only when the
     * job has finished; the file records the pipeline as the in-process counter does.
     */
    static long write(Path out, PreTokenPipeline pipeline, Job job) throws IOException {
        try (PreTokenCountsWriter w = PreTokenCountsFile.writer(out, pipeline.metadata())) {
            job.run(w::add);
            w.finish();
            return w.entryCount();
        }
    }

    @FunctionalInterface
    interface Job {
        void run(CountsSink sink) throws IOException;
    }
}
