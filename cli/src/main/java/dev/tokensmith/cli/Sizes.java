package dev.tokensmith.cli;

import java.util.Locale;

/** Sizes as people write them on a command line: {@code 512m}, {@code 4g}, {@code 1048576}. */
final class Sizes {
    private Sizes() {}

    static long parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            case 't' -> unit = 1L << 40;
            default -> unit = 1;
        }
        if (unit > 1) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            long n = Long.parseLong(s.strip());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadInputException("not a size: '" + text + "' (write e.g. 512m or 4g)");
        }
    }
}
