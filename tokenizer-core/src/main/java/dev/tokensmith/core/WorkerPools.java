package dev.tokensmith.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Fixed pools of daemon threads for batch work whose threads, once out of work, look for more for a moment
 * before they sleep. Waking a sleeping thread takes tens of microseconds on a quiet machine and milliseconds on
 * a busy virtual one: a pipeline that hands over batch after batch (or a benchmark round made of several) would
 * pay that at the start of every batch, which for a batch of a few milliseconds is a large share of it.
 */
public final class WorkerPools {
    /** How long an idle thread keeps looking for work before it sleeps. */
    static final long SPIN_NANOS = 1_000_000;

    private WorkerPools() {}

    /** A pool of {@code threads} daemon threads named {@code name-1}, {@code name-2}... */
    public static ExecutorService fixed(int threads, String name) {
        AtomicInteger made = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new SpinningQueue(), r -> {
            Thread t = new Thread(r, name + "-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits until {@code done} is true: spinning for a moment, then sleeping in short steps. */
    static void awaitSpinning(BooleanSupplier done) {
        long until = System.nanoTime() + SPIN_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(10_000);
            }
        }
    }

    /** The pool's queue: a worker taking a task polls for {@link #SPIN_NANOS} before it blocks. */
    private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
        @Override
        public Runnable take() throws InterruptedException {
            long until = System.nanoTime() + SPIN_NANOS;
            Runnable task;
            while ((task = poll()) == null && System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
            return task != null ? task : super.take();
        }
    }
}
