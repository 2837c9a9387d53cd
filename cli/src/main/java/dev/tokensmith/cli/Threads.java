package dev.tokensmith.cli;

/** {@code --threads}: all cores when not given; fewer than one is bad input. */
final class Threads {
    private Threads() {}

    static int resolve(Integer threads) {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new BadInputException("--threads must be at least 1, got " + threads);
        }
        return threads;
    }
}
