package dev.tokensmith.math;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How many threads a kernel may use, and where they come from; always passed explicitly, never read from a
 * global. {@link #threads(int)} owns a pool that {@link #close()} stops; {@link #using} borrows the caller's.
 *
 * <pre>{@code
 * try (Parallelism p = Parallelism.threads(Runtime.getRuntime().availableProcessors())) {
 *     OmpResult r = backend.omp(dictionary, targets, OmpOptions.atoms(64), p);
 * }
 * }</pre>
 */
public final class Parallelism implements AutoCloseable {
    private static final Parallelism SERIAL = new Parallelism(1, null, false);

    private final int threads;
    private final ExecutorService executor;
    private final boolean owned;

    private Parallelism(int threads, ExecutorService executor, boolean owned) {
        this.threads = threads;
        this.executor = executor;
        this.owned = owned;
    }

    /** Everything on the calling thread. */
    public static Parallelism serial() {
        return SERIAL;
    }

    /** A new pool of {@code threads} daemon threads (the caller's thread works too); close it when done. */
    public static Parallelism threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (threads == 1) {
            return SERIAL;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "tokensmith-math");
            t.setDaemon(true);
            return t;
        });
        return new Parallelism(threads, pool, true);
    }

    /**
     * Up to {@code threads} workers on the caller's executor (the calling thread is one of them, so a pool
     * that runs this call itself cannot deadlock); {@link #close()} leaves the executor running.
     */
    public static Parallelism using(ExecutorService executor, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new Parallelism(threads, executor, false);
    }

    public int threads() {
        return threads;
    }

    /** One task of {@link #forEach}, given the worker's own reusable state. */
    @FunctionalInterface
    public interface Task<S> {
        void run(S workerState, int task);
    }

    /**
     * Runs tasks {@code 0 .. taskCount-1}, each exactly once, spread over at most {@link #threads()} workers
     * that each create one state object (scratch buffers) with {@code workerState}. Returns when all are
     * done; the first failure is rethrown (others attached as suppressed).
     */
    public <S> void forEach(int taskCount, Supplier<S> workerState, Task<S> task) {
        int workers = Math.min(threads, taskCount);
        if (workers <= 1 || executor == null) {
            S state = workerState.get();
            for (int t = 0; t < taskCount; t++) {
                task.run(state, t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            S state = workerState.get();
            for (int t = next.getAndIncrement(); t < taskCount; t = next.getAndIncrement()) {
                task.run(state, t);
            }
        };
        List<Future<?>> futures = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            futures.add(executor.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = wrap(e);
            next.set(taskCount);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = merge(failure, wrap(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                failure = merge(failure, new IllegalStateException("interrupted while waiting for workers", e));
                break;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException wrap(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private static RuntimeException merge(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Stops the pool if {@link #threads(int)} made it; a borrowed executor keeps running. */
    @Override
    public void close() {
        if (owned) {
            executor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "Parallelism[" + threads + (owned ? " threads]" : executor == null ? "]" : " threads, borrowed]");
    }
}
