package dev.tokensmith.core.text.scan;

/** The English contraction suffixes the patterns try first or last: 's 't 're 've 'm 'll 'd. */
final class Contractions {
    private Contractions() {}

    /** The end of a lower-case contraction at {@code i} ({@code '} already seen there), or -1. */
    static int caseSensitive(char[] text, int i, int limit) {
        if (i + 1 >= limit) {
            return -1;
        }
        char c = text[i + 1];
        return switch (c) {
            case 's', 't', 'm', 'd' -> i + 2;
            case 'r', 'v' -> i + 2 < limit && text[i + 2] == 'e' ? i + 3 : -1;
            case 'l' -> i + 2 < limit && text[i + 2] == 'l' ? i + 3 : -1;
            default -> -1;
        };
    }

    /**
     * The end of a contraction in either case at {@code i} ({@code '} already seen there), or -1. Under (?i)
     * Oniguruma matches by simple case folding, which adds U+017F LONG S to {@code s}; the other letters fold
     * only with their ASCII partners.
     */
    static int caseInsensitive(char[] text, int i, int limit) {
        if (i + 1 >= limit) {
            return -1;
        }
        char c = text[i + 1];
        if (c == '\u017F') {
            return i + 2;
        }
        if (c >= 0x80) {
            return -1;
        }
        return switch (c | 0x20) {
            case 's', 't', 'm', 'd' -> i + 2;
            case 'r', 'v' -> i + 2 < limit && (text[i + 2] | 0x20) == 'e' ? i + 3 : -1;
            case 'l' -> i + 2 < limit && (text[i + 2] | 0x20) == 'l' ? i + 3 : -1;
            default -> -1;
        };
    }
}
