package dev.tokensmith.core.diff;

/** Text made safe to print in a report: controls, invisible and unpaired characters become escapes. */
final class Visible {
    private Visible() {}

    /** {@code s} with backslashes doubled and every hard-to-see character written as an escape. */
    static String of(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int cp = c;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
                width = 2;
            }
            switch (cp) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (needsEscape(cp)) {
                        b.append("\\u{")
                                .append(Integer.toHexString(cp).toUpperCase())
                                .append('}');
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
            i += width;
        }
        return b.toString();
    }

    private static boolean needsEscape(int cp) {
        if (cp == ' ') {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.UNASSIGNED,
                    Character.PRIVATE_USE,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
        };
    }

    /** At most {@code radius} chars either side of {@code at}, not splitting surrogate pairs, made visible. */
    static String around(String s, int at, int radius) {
        int from = Math.max(0, at - radius);
        int to = Math.min(s.length(), at + radius);
        return (from > 0 ? "…" : "") + of(s.substring(widen(s, from), narrow(s, to))) + (to < s.length() ? "…" : "");
    }

    /** {@code i} moved left off the low half of a surrogate pair. */
    static int widen(String s, int i) {
        return i > 0
                        && i < s.length()
                        && Character.isLowSurrogate(s.charAt(i))
                        && Character.isHighSurrogate(s.charAt(i - 1))
                ? i - 1
                : i;
    }

    /** {@code i} moved right off the low half of a surrogate pair. */
    static int narrow(String s, int i) {
        return i > 0
                        && i < s.length()
                        && Character.isLowSurrogate(s.charAt(i))
                        && Character.isHighSurrogate(s.charAt(i - 1))
                ? i + 1
                : i;
    }
}
