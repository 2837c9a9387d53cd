package dev.tokensmith.cli.bench;

import java.util.List;

/**
 * An encoder pinned to the calling thread whatever the harness's threads: measured beside the encoder it wraps,
 * in the same rounds, it gives that encoder's thread scaling without comparing two runs of a noisy machine.
 *
 * @param encoder the encoder measured on one thread
 */
public record OneThread(BenchEncoder encoder) implements BenchEncoder {
    static final String SUFFIX = " 1 thread";

    @Override
    public String name() {
        return encoder.name() + SUFFIX;
    }

    @Override
    public Library library() {
        return encoder.library();
    }

    @Override
    public Operation operation() {
        return encoder.operation();
    }

    @Override
    public int encode(String text) {
        return encoder.encode(text);
    }

    @Override
    public long encodeAll(List<String> texts, Threads threads) {
        long total = 0;
        for (String text : texts) {
            total += encoder.encode(text);
        }
        return total;
    }
}
