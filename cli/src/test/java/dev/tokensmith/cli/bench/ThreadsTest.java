package dev.tokensmith.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadsTest {
    private static List<String> texts(int n) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add("x".repeat(i));
        }
        return texts;
    }

    @Test
    void aPoolSumsLikeOneThread() {
        List<String> texts = texts(1000);
        long expected = 999L * 1000 / 2;
        try (Threads one = Threads.of(1);
                Threads three = Threads.of(3)) {
            assertThat(one.sum(texts, String::length)).isEqualTo(expected);
            assertThat(three.sum(texts, String::length)).isEqualTo(expected);
        }
    }

    @Test
    void enoughTextsKeepEveryThreadOfThePoolBusy() {
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        CountDownLatch bothStarted = new CountDownLatch(2);
        try (Threads two = Threads.of(2)) {
            // A worker waits (up to 10 s) at each text until both have started: only a second worker can end that.
            two.sum(texts(200), t -> {
                if (workers.add(Thread.currentThread())) {
                    bothStarted.countDown();
                }
                try {
                    bothStarted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            });
        }
        assertThat(workers).extracting(Thread::getName).containsExactlyInAnyOrder("bench-worker-1", "bench-worker-2");
    }

    @Test
    void chunksShrinkSoThatEveryThreadGetsManyAndFewTextsKeepFewThreadsBusy() {
        assertThat(Threads.busy(8, 1)).isEqualTo(1);
        assertThat(Threads.busy(8, 5)).isEqualTo(5);
        assertThat(Threads.busy(2, 1000)).isEqualTo(2);
        assertThat(Threads.busy(2, 0)).isEqualTo(1);
        assertThat(Threads.chunk(2, 130)).isEqualTo(2);
        assertThat(Threads.chunk(2, 30)).isEqualTo(1);
        assertThat(Threads.chunk(2, 100_000)).isEqualTo(Threads.MAX_CHUNK);
    }

    @Test
    void aFailureInAWorkerReachesTheCaller() {
        try (Threads two = Threads.of(2)) {
            assertThatThrownBy(() -> two.sum(texts(100), t -> {
                        throw new IllegalStateException("boom");
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("boom");
        }
    }

    @Test
    void thereIsAtLeastOneThread() {
        assertThatThrownBy(() -> Threads.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
