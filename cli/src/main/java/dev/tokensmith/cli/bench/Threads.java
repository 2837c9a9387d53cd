package dev.tokensmith.cli.bench;

import dev.tokensmith.core.WorkerPools;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * The threads a measurement runs on: the calling thread alone, or a fixed pool made once for the whole run (so
 * that pool start-up is not measured). Work is handed out in chunks of texts that idle workers claim, sized as
 * Tokensmith's own batch encoding sizes them (at least {@value #CHUNKS_PER_THREAD} chunks a thread, at most
 * {@value #MAX_CHUNK} texts a chunk), so uneven texts balance the same way for every encoder.
 */
public final class Threads implements AutoCloseable {
    public static final int MAX_CHUNK = 16;
    public static final int CHUNKS_PER_THREAD = 32;

    private final int count;
    private final ExecutorService pool;

    private Threads(int count) {
        this.count = count;
        // The pool batches get (its idle threads look for work a moment before sleeping), for every library alike.
        this.pool = count == 1 ? null : WorkerPools.fixed(count, "bench-worker");
    }

    /** {@code count} threads: 1 runs on the caller. */
    public static Threads of(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + count);
        }
        return new Threads(count);
    }

    public int count() {
        return count;
    }

    /** How many of {@code threads} threads {@code texts} texts keep busy: one per text at most. */
    public static int busy(int threads, int texts) {
        return Math.min(threads, Math.max(1, texts));
    }

    /** How many texts a worker claims at a time. */
    public static int chunk(int threads, int texts) {
        return Math.clamp(texts / ((long) threads * CHUNKS_PER_THREAD), 1, MAX_CHUNK);
    }

    /** The sum of {@code f} over {@code texts}, computed on these threads. */
    public long sum(List<String> texts, ToIntFunction<String> f) {
        int n = texts.size();
        int workers = busy(count, n);
        if (workers == 1) {
            long total = 0;
            for (String text : texts) {
                total += f.applyAsInt(text);
            }
            return total;
        }
        AtomicInteger next = new AtomicInteger();
        int chunk = chunk(workers, n);
        List<Future<Long>> futures = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                long total = 0;
                int from;
                while ((from = next.getAndAdd(chunk)) < n) {
                    int to = Math.min(n, from + chunk);
                    for (int i = from; i < to; i++) {
                        total += f.applyAsInt(texts.get(i));
                    }
                }
                return total;
            }));
        }
        long total = 0;
        try {
            for (Future<Long> future : futures) {
                total += future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        return total;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
