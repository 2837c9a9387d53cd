package dev.tokensmith.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Maps a function over a list on a fixed number of threads, keeping input order. */
final class Batches {
    /** Items a worker claims at a time: small enough to balance uneven texts, large enough to amortise. */
    private static final int CHUNK = 16;

    private Batches() {}

    static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> f) {
        Objects.requireNonNull(items, "items");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        int n = items.size();
        Object[] out = new Object[n];
        int threads = Math.min(parallelism, Math.max(1, (n + CHUNK - 1) / CHUNK));
        if (threads == 1) {
            for (int i = 0; i < n; i++) {
                out[i] = f.apply(items.get(i));
            }
            return result(out);
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int from;
            while ((from = next.getAndAdd(CHUNK)) < n) {
                int to = Math.min(n, from + CHUNK);
                for (int i = from; i < to; i++) {
                    out[i] = f.apply(items.get(i));
                }
            }
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tokensmith-batch");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<?>> futures = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch encoding interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        return result(out);
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> result(Object[] out) {
        return (List<R>) Arrays.asList(out);
    }
}
