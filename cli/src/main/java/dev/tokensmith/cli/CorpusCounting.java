package dev.tokensmith.cli;

import dev.tokensmith.core.format.Provenance;
import dev.tokensmith.core.train.PreTokenCounts;
import dev.tokensmith.core.train.PreTokenCountsMetadata;
import dev.tokensmith.corpora.CorpusException;
import dev.tokensmith.corpora.ParallelDocuments;
import dev.tokensmith.corpora.TextSource;
import dev.tokensmith.corpora.count.PreTokenCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Counting pre-tokens of a corpus for the {@code count} and {@code train} commands. */
final class CorpusCounting {
    private final TextSource source;
    private final PipelineOption pipeline;
    private final int threads;
    private final long memoryBudget;

    CorpusCounting(CorpusOptions corpus, PipelineOption pipeline, int threads, long memoryBudget) {
        this.source = corpus.open();
        this.pipeline = pipeline;
        this.threads = threads;
        this.memoryBudget = memoryBudget;
    }

    private PreTokenCounter counter(Progress progress) {
        progress.stage("Counting pre-tokens (bytes)", 0);
        return PreTokenCounter.builder(pipeline.normalizer(), pipeline.preTokenizer())
                .threads(threads)
                .memoryBudget(memoryBudget)
                .progress(progress.runningTotal())
                .build();
    }

    /** The corpus files with their sizes and SHA-256 (the stored bytes, compressed or not). */
    List<Provenance.Input> inputs() {
        List<Provenance.Input> inputs = new ArrayList<>();
        for (TextSource part : source.parts()) {
            Path file = Path.of(part.name());
            if (Files.isRegularFile(file)) {
                inputs.add(Provenance.Input.of("corpus", file));
            }
        }
        return inputs;
    }

    PreTokenCountsMetadata metadata(PreTokenCounter counter) {
        List<PreTokenCountsMetadata.Corpus> corpora = inputs().stream()
                .map(i -> new PreTokenCountsMetadata.Corpus(i.path(), i.bytes(), i.sha256()))
                .toList();
        return counter.metadata(pipeline.name())
                .withCorpora(corpora)
                .withTokensmithVersion(Provenance.currentVersion());
    }

    PreTokenCounter.Summary countToFile(Path out, Progress progress) {
        PreTokenCounter counter = counter(progress);
        try (Stream<String> docs = ParallelDocuments.of(source, threads)) {
            return counter.countToFile(docs, out, metadata(counter));
        } catch (CorpusException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            progress.close();
        }
    }

    PreTokenCounts count(Progress progress) {
        PreTokenCounter counter = counter(progress);
        try (Stream<String> docs = ParallelDocuments.of(source, threads)) {
            return counter.count(docs);
        } catch (CorpusException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            progress.close();
        }
    }

    String name() {
        return source.name();
    }
}
