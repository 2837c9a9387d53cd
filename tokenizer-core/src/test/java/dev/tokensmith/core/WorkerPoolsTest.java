package dev.tokensmith.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerPoolsTest {
    /** Tasks handed over while the threads still look for work, and after they have gone to sleep, all run. */
    @Test
    void runsEveryTaskOnItsOwnNamedDaemonThreads() throws Exception {
        ExecutorService pool = WorkerPools.fixed(3, "test-pool");
        AtomicInteger ran = new AtomicInteger();
        Set<String> names = ConcurrentHashMap.newKeySet();
        for (int batch = 0; batch < 4; batch++) {
            for (int i = 0; i < 50; i++) {
                pool.execute(() -> {
                    names.add(Thread.currentThread().getName()
                            + (Thread.currentThread().isDaemon() ? "" : "!"));
                    ran.incrementAndGet();
                });
            }
            int expected = 50 * (batch + 1);
            WorkerPools.awaitSpinning(() -> ran.get() >= expected);
            if (batch == 1) {
                Thread.sleep(3 * WorkerPools.SPIN_NANOS / 1_000_000 + 5); // past the spinning: the threads sleep
            }
        }
        assertThat(ran.get()).isEqualTo(200);
        assertThat(names).isNotEmpty().allMatch(n -> n.matches("test-pool-[123]"));
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
}
