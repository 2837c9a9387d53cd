package dev.tokensmith.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A secondary JMH result, {@code mb}: megabytes (10^6 bytes of UTF-8 input) encoded per second, so that results
 * read like those of {@code tokensmith bench encode}. The primary result counts whole workloads per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Throughput {
    public double mb;

    @Setup(Level.Iteration)
    public void reset() {
        mb = 0;
    }
}
