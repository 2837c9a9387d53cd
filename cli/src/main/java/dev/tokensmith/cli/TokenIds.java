package dev.tokensmith.cli;

import java.util.Arrays;

/**
 * Parses token ids as people and programs write them: separated by whitespace, commas, or inside JSON arrays
 * ({@code 1 2 3}, {@code [1, 2, 3]}, one array per line). Anything else is an error naming line and column.
 */
final class TokenIds {
    private TokenIds() {}

    static int[] parse(String text, String source) {
        return parse(text, source, 1);
    }

    /** Parses {@code text}, which starts at line {@code firstLine} of {@code source}. */
    static int[] parse(String text, String source, int firstLine) {
        int[] ids = new int[16];
        int n = 0;
        int line = firstLine;
        int lineStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (Character.isWhitespace(c) || c == ',' || c == '[' || c == ']') {
                i++;
            } else {
                int start = i;
                while (i < text.length() && !isSeparator(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                int id = parseId(word, source, line, start - lineStart + 1);
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, 2 * n);
                }
                ids[n++] = id;
            }
        }
        return Arrays.copyOf(ids, n);
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == ',' || c == '[' || c == ']';
    }

    private static int parseId(String word, String source, int line, int column) {
        boolean digits = !word.isEmpty() && word.length() <= 10;
        for (int k = 0; k < word.length() && digits; k++) {
            digits = word.charAt(k) >= '0' && word.charAt(k) <= '9';
        }
        long value = digits ? Long.parseLong(word) : -1;
        if (!digits || value > Integer.MAX_VALUE) {
            throw new BadInputException(source + ": line " + line + ", column " + column
                    + ": expected a token id (a non-negative integer), found \"" + abbreviate(word) + "\"");
        }
        return (int) value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }
}
