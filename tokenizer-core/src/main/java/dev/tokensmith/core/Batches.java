package dev.tokensmith.core;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Maps a function over a list on a fixed number of threads, keeping input order. */
final class Batches {
    /** The most items a worker claims at a time, for long lists of short texts. */
    private static final int MAX_CHUNK = 16;
    /** Chunks per thread at least: the threads then finish within a small share of the batch of each other. */
    private static final int CHUNKS_PER_THREAD = 32;

    /**
     * One pool of helper threads per parallelism, kept for the life of the JVM: its threads keep their warm per-thread caches
     * (scratch buffers, recent pieces) from one batch to the next, which a pool per call would throw away.
     */
    private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

    private Batches() {}

    private static ExecutorService newPool(int threads) {
        return WorkerPools.fixed(threads, "tokensmith-batch-" + threads);
    }

    static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> f) {
        Objects.requireNonNull(items, "items");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        int n = items.size();
        Object[] out = new Object[n];
        int threads = Math.min(parallelism, Math.max(1, n));
        // Claiming an item costs an atomic add (tens of nanoseconds); an idle thread at the end of a batch costs the
        // time of the last chunk, which for a few hundred texts of kilobytes each is milliseconds.
        int chunk = Math.clamp(n / ((long) threads * CHUNKS_PER_THREAD), 1, MAX_CHUNK);
        if (threads == 1) {
            for (int i = 0; i < n; i++) {
                out[i] = f.apply(items.get(i));
            }
            return result(out);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int from;
            while ((from = next.getAndAdd(chunk)) < n) {
                int to = Math.min(n, from + chunk);
                try {
                    for (int i = from; i < to && failure.get() == null; i++) {
                        out[i] = f.apply(items.get(i));
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    completed.addAndGet(to - from);
                }
            }
        };
        // The calling thread is one of the workers and then waits for the chunks others claimed, not for the
        // helpers themselves: one that starts late finds nothing to do, so a batch started from a pool thread
        // never waits on a task queued behind itself.
        ExecutorService pool = POOLS.computeIfAbsent(threads - 1, Batches::newPool);
        for (int t = 1; t < threads; t++) {
            pool.execute(worker);
        }
        worker.run();
        WorkerPools.awaitSpinning(() -> completed.get() >= n);
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
        return result(out);
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> result(Object[] out) {
        return (List<R>) java.util.Collections.unmodifiableList(Arrays.asList(out));
    }
}
