package dev.tokensmith.cli.bench;

import dev.tokensmith.cli.bench.BenchEncoder.Library;
import dev.tokensmith.cli.bench.BenchEncoder.Operation;

/**
 * One encoder's speed on one workload: a sample per measured round, in MB/s (10^6 bytes of UTF-8 input per
 * second).
 */
public record EncoderResult(String encoder, Library library, Operation operation, double[] mbPerSecond) {
    public EncoderResult {
        mbPerSecond = mbPerSecond.clone();
    }

    @Override
    public double[] mbPerSecond() {
        return mbPerSecond.clone();
    }

    public Summary summary() {
        return Summary.of(mbPerSecond);
    }
}
