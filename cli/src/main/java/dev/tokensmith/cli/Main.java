package dev.tokensmith.cli;

/** Entry point of the {@code tokensmith} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(0);
    }
}
