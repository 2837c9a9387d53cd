package dev.tokensmith.corpora;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The documents of a source's {@link TextSource#parts() parts}, read by several threads at once: reading and
 * validating UTF-8 runs at about 100 MB/s per core, so one reader cannot feed a counter on many cores. The order
 * of documents is not fixed (each part's documents stay in order, parts interleave); use it where order does not
 * matter, as in counting. Memory stays bounded by a small queue of document batches.
 *
 * <pre>{@code
 * try (Stream<String> docs = ParallelDocuments.of(source, 8)) {
 *     counter.count(docs);
 * }
 * }</pre>
 */
public final class ParallelDocuments {
    private static final int BATCH_CHARS = 1 << 20;
    private static final List<String> END = List.of();

    private ParallelDocuments() {}

    /** The source's documents in no fixed order, read by {@code threads} threads (sequentially when 1 part). */
    public static Stream<String> of(TextSource source, int threads) {
        List<? extends TextSource> parts = source.parts();
        if (threads <= 1 || parts.size() <= 1) {
            return source.documents();
        }
        int readers = Math.min(threads, parts.size());
        ConcurrentLinkedQueue<TextSource> todo = new ConcurrentLinkedQueue<>(parts);
        BlockingQueue<List<String>> batches = new ArrayBlockingQueue<>(readers * 4);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicInteger running = new AtomicInteger(readers);
        List<Thread> threadList = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            Thread t = Thread.ofPlatform().daemon().name("corpus-reader-" + i).start(() -> {
                try {
                    for (TextSource part; (part = todo.poll()) != null && failure.get() == null; ) {
                        read(part, batches);
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (running.decrementAndGet() == 0) {
                        endOfInput(batches);
                    }
                }
            });
            threadList.add(t);
        }
        Iterator<String> docs = new Iterator<>() {
            private List<String> batch = List.of();
            private int next;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!done && next == batch.size()) {
                    try {
                        List<String> b = batches.poll(100, TimeUnit.MILLISECONDS);
                        if (failure.get() != null) {
                            throw failure.get();
                        }
                        if (b == END) {
                            done = true;
                        } else if (b != null) {
                            batch = b;
                            next = 0;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CorpusException("interrupted while reading " + source.name(), e);
                    }
                }
                return !done;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.get(next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(docs, Spliterator.NONNULL), false)
                .onClose(() -> {
                    failure.compareAndSet(null, new CorpusException("reading of " + source.name() + " was closed"));
                    threadList.forEach(Thread::interrupt);
                });
    }

    /** The last reader says so; it waits for room, since a dropped marker would leave the consumer waiting forever. */
    private static void endOfInput(BlockingQueue<List<String>> batches) {
        try {
            batches.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed early: nobody is waiting for the marker
        }
    }

    private static void read(TextSource part, BlockingQueue<List<String>> batches) throws InterruptedException {
        List<String> batch = new ArrayList<>();
        long chars = 0;
        try (Stream<String> docs = part.documents()) {
            Iterator<String> it = docs.iterator();
            while (it.hasNext()) {
                String d = it.next();
                batch.add(d);
                chars += d.length();
                if (chars >= BATCH_CHARS) {
                    batches.put(batch);
                    batch = new ArrayList<>();
                    chars = 0;
                }
            }
        }
        if (!batch.isEmpty()) {
            batches.put(batch);
        }
    }
}
