package dev.tokensmith.corpora.count;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * One count: the caller's thread reads documents into batches, {@code threads} workers each split them into their
 * own {@link ByteKeyTable}, spilling it as a sorted run file whenever it outgrows its share of the memory budget;
 * then the runs and the tables left in memory are merged. Run files live in a temp directory that {@link
 * #close()} deletes.
 */
final class CountingRun implements AutoCloseable {
    /** Past this many run files, merge them in rounds so as not to hold too many files open at once. */
    static final int MAX_FAN_IN = 128;

    private final PreTokenPipeline pipeline;
    private final int threads;
    private final long workerBudget;
    private final Path tempBase;
    private final LongConsumer progress;
    private final int batchChars;
    private final List<Path> runs = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger runNumber = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong documents = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<ByteKeyTable> tables = new ArrayList<>();
    private volatile boolean readerDone;
    private Path tempDir;

    CountingRun(
            PreTokenPipeline pipeline,
            int threads,
            long memoryBudget,
            Path tempBase,
            LongConsumer progress,
            int batchChars) {
        this.pipeline = pipeline;
        this.threads = threads;
        this.workerBudget = Math.max(1, memoryBudget / threads);
        this.tempBase = tempBase;
        this.progress = progress;
        this.batchChars = batchChars;
    }

    long bytes() {
        return bytes.get();
    }

    long documents() {
        return documents.get();
    }

    int spills() {
        return runs.size();
    }

    /** Splits and counts every document; returns when all are counted (or throws the first failure). */
    void count(Iterator<? extends CharSequence> docs) throws IOException {
        BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(2 * threads);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ByteKeyTable table = new ByteKeyTable(workerBudget);
            tables.add(table);
            Worker w = new Worker(table, pipeline.newSplitter(), queue);
            workers.add(
                    Thread.ofPlatform().name("pre-token-counter-" + i).daemon().start(w));
        }
        boolean fed = false;
        try {
            List<String> batch = new ArrayList<>();
            long chars = 0;
            while (failure.get() == null && docs.hasNext()) {
                String doc = docs.next().toString();
                batch.add(doc);
                chars += doc.length();
                if (chars >= batchChars || batch.size() >= 4096) {
                    put(queue, batch);
                    batch = new ArrayList<>();
                    chars = 0;
                }
            }
            if (!batch.isEmpty()) {
                put(queue, batch);
            }
            fed = true;
        } finally {
            if (!fed) {
                failure.compareAndSet(null, new IllegalStateException("reading documents failed"));
            }
            readerDone = true;
            join(workers);
        }
        Throwable t = failure.get();
        if (t instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IOException(t);
        }
    }

    private void put(BlockingQueue<List<String>> queue, List<String> batch) throws InterruptedIOException {
        try {
            while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while counting pre-tokens");
        }
    }

    private static void join(List<Thread> workers) throws InterruptedIOException {
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while counting pre-tokens");
            }
        }
    }

    /** Merges the runs and the tables in memory into {@code sink}; returns the number of distinct pre-tokens. */
    long merge(EntrySink sink) throws IOException {
        List<Path> files = new ArrayList<>(runs);
        while (files.size() > MAX_FAN_IN) {
            List<Path> next = new ArrayList<>();
            for (int i = 0; i < files.size(); i += MAX_FAN_IN) {
                List<Path> group = files.subList(i, Math.min(files.size(), i + MAX_FAN_IN));
                Path merged = newRunFile();
                PreTokenCountsMerger.mergeFiles(
                        group, merged, dev.tokensmith.core.train.PreTokenCountsMetadata.empty());
                for (Path p : group) {
                    Files.deleteIfExists(p);
                }
                next.add(merged);
            }
            files = next;
        }
        List<EntrySource> sources = new ArrayList<>();
        try {
            for (Path f : files) {
                sources.add(new FileEntrySource(f));
            }
            for (ByteKeyTable t : tables) {
                if (!t.isEmpty()) {
                    sources.add(new SortedTable(t, pipeline.byteLevelKeys()));
                }
            }
            return KWayMerge.merge(sources, sink);
        } finally {
            PreTokenCountsMerger.closeAll(sources);
        }
    }

    private Path newRunFile() throws IOException {
        synchronized (this) {
            if (tempDir == null) {
                tempDir = Files.createTempDirectory(tempBase, "tokensmith-count-");
            }
        }
        return tempDir.resolve("run-" + runNumber.incrementAndGet() + ".bin");
    }

    /** Deletes the run files and their directory. */
    @Override
    public void close() throws IOException {
        if (tempDir != null && Files.isDirectory(tempDir)) {
            try (var files = Files.list(tempDir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tempDir);
        }
    }

    private void reportProgress(long batchBytes) {
        if (progress == null) {
            bytes.addAndGet(batchBytes);
            return;
        }
        synchronized (progress) {
            progress.accept(bytes.addAndGet(batchBytes));
        }
    }

    private final class Worker implements Runnable {
        private final ByteKeyTable table;
        private final PreTokenSplitter splitter;
        private final BlockingQueue<List<String>> queue;
        private final PreTokenSplitter.PieceSink sink;

        Worker(ByteKeyTable table, PreTokenSplitter splitter, BlockingQueue<List<String>> queue) {
            this.table = table;
            this.splitter = splitter;
            this.queue = queue;
            this.sink = (key, from, length) -> {
                table.add(key, from, length, 1);
                if (table.memoryBytes() > workerBudget) {
                    spill();
                }
            };
        }

        @Override
        public void run() {
            try {
                while (true) {
                    List<String> batch = queue.poll(20, TimeUnit.MILLISECONDS);
                    if (batch == null) {
                        if (!readerDone && failure.get() == null) {
                            continue;
                        }
                        // the reader has stopped: whatever it queued is visible now
                        batch = queue.poll();
                        if (batch == null) {
                            return;
                        }
                    }
                    if (failure.get() != null) {
                        continue;
                    }
                    long batchBytes = 0;
                    for (String doc : batch) {
                        batchBytes += splitter.split(doc, sink);
                    }
                    documents.addAndGet(batch.size());
                    reportProgress(batchBytes);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }

        private void spill() {
            try {
                Path run = newRunFile();
                PreTokenCountsMerger.write(new SortedTable(table, pipeline.byteLevelKeys()), run);
                runs.add(run);
                table.clear(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
