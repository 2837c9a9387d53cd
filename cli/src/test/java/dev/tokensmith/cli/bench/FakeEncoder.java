package dev.tokensmith.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * An encoder for harness tests: counts tokens with a given function and advances a shared fake clock by a fixed
 * number of nanoseconds per text, so its speed is known in advance. Records the order of its rounds.
 */
final class FakeEncoder implements BenchEncoder {
    /** A clock that only the encoders move. */
    static final class Clock {
        long now;
    }

    private final String name;
    private final Library library;
    private final Operation operation;
    private final ToIntFunction<String> counter;
    private final long nanosPerText;
    private final Clock clock;
    private final List<String> log;

    FakeEncoder(
            String name,
            Library library,
            Operation operation,
            ToIntFunction<String> counter,
            long nanosPerText,
            Clock clock,
            List<String> log) {
        this.name = name;
        this.library = library;
        this.operation = operation;
        this.counter = counter;
        this.nanosPerText = nanosPerText;
        this.clock = clock;
        this.log = log;
    }

    /** Counts characters as tokens. */
    static FakeEncoder chars(String name, Library library, long nanosPerText, Clock clock, List<String> log) {
        return new FakeEncoder(name, library, Operation.ENCODE, String::length, nanosPerText, clock, log);
    }

    FakeEncoder counting(ToIntFunction<String> f) {
        return new FakeEncoder(name, library, operation, f, nanosPerText, clock, log);
    }

    FakeEncoder as(Operation op) {
        return new FakeEncoder(name, library, op, counter, nanosPerText, clock, log);
    }

    static List<String> log() {
        return new ArrayList<>();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Library library() {
        return library;
    }

    @Override
    public Operation operation() {
        return operation;
    }

    @Override
    public int encode(String text) {
        clock.now += nanosPerText;
        return counter.applyAsInt(text);
    }

    @Override
    public long encodeAll(List<String> texts, Threads threads) {
        log.add(name);
        return BenchEncoder.super.encodeAll(texts, threads);
    }
}
