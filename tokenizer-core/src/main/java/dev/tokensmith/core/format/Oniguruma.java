package dev.tokensmith.core.format;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates the Oniguruma regexes of tokenizer.json (HF compiles them with Oniguruma's default syntax, UTF-8,
 * no options) into {@link java.util.regex.Pattern}s that match the same text.
 *
 * <p>What differs and is translated:
 *
 * <ul>
 *   <li>{@code \s \d \w \b} are Unicode-aware in Oniguruma: compiled with {@link
 *       Pattern#UNICODE_CHARACTER_CLASS}; {@code \w} is spelled out as Oniguruma's Letter | Mark |
 *       Decimal_Number | Connector_Punctuation (Java's adds Alphabetic and Join_Control);
 *   <li>{@code .}, {@code ^} and {@code $} know only {@code \n} as a line end, and {@code ^ $} always match at
 *       line ends: {@link Pattern#UNIX_LINES} and {@link Pattern#MULTILINE};
 *   <li>{@code (?m)} means "dot matches new line" (Java's {@code (?s)});
 *   <li>{@code \h}/{@code \H} are hex digits (not horizontal space); {@code \p{^X}} negates; property names
 *       may be scripts or binary properties without Java's {@code Is} prefix ({@code \p{Han}});
 *   <li>POSIX brackets {@code [[:alpha:]]}, {@code (?#...)} comments, {@code {,n}} intervals and a {@code {}
 *       that starts no interval (a literal in Oniguruma).
 * </ul>
 *
 * <p>Constructs Java lacks ({@code \K}, absent operator, subroutine calls, conditionals) are rejected with a
 * {@link PatternSyntaxException}; so are ASCII-range options.
 */
public final class Oniguruma {
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES | Pattern.MULTILINE;
    private static final String WORD = "\\p{L}\\p{M}\\p{Nd}\\p{Pc}";

    private Oniguruma() {}

    /** The Java pattern for an Oniguruma regex. */
    public static Pattern compile(String regex) {
        return Pattern.compile(toJava(regex), FLAGS);
    }

    /** The Java regex source for an Oniguruma regex (to be compiled with this class's flags). */
    public static String toJava(String regex) {
        return new Translator(regex).translate();
    }

    private static final class Translator {
        private final String src;
        private final StringBuilder out = new StringBuilder();
        private int pos;
        private int classDepth;

        Translator(String src) {
            this.src = src;
        }

        String translate() {
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '\\') {
                    escape();
                } else if (c == '[') {
                    openClass();
                } else if (c == ']' && classDepth > 0) {
                    classDepth--;
                    out.append(c);
                    pos++;
                } else if (classDepth > 0) {
                    out.append(c);
                    pos++;
                } else if (c == '(') {
                    group();
                } else if (c == '{') {
                    brace();
                } else {
                    out.append(c);
                    pos++;
                }
            }
            return out.toString();
        }

        private void escape() {
            if (pos + 1 >= src.length()) {
                throw error("trailing backslash");
            }
            char e = src.charAt(pos + 1);
            switch (e) {
                case 'h' -> {
                    out.append(classDepth > 0 ? "0-9a-fA-F" : "[0-9a-fA-F]");
                    pos += 2;
                }
                case 'H' -> {
                    out.append("[^0-9a-fA-F]");
                    pos += 2;
                }
                case 'w' -> {
                    out.append(classDepth > 0 ? WORD : "[" + WORD + "]");
                    pos += 2;
                }
                case 'W' -> {
                    out.append("[^" + WORD + "]");
                    pos += 2;
                }
                case 'p', 'P' -> property(e == 'P');
                case 'v' -> {
                    // Oniguruma's \v is the vertical tab itself; Java's is a class of vertical white space.
                    out.append("\\x0B");
                    pos += 2;
                }
                case 'N' -> {
                    if (pos + 2 < src.length() && src.charAt(pos + 2) == '{') {
                        out.append(src, pos, pos + 2);
                    } else {
                        out.append("[^\\n]");
                    }
                    pos += 2;
                }
                case 'k' -> backReference();
                case 'K' -> throw error("\\K is not supported");
                case 'g' -> throw error("subroutine calls are not supported");
                default -> {
                    out.append(src, pos, pos + 2);
                    pos += 2;
                }
            }
        }

        private void backReference() {
            if (pos + 2 < src.length() && src.charAt(pos + 2) == '<') {
                int close = src.indexOf('>', pos + 3);
                if (close < 0) {
                    throw error("unclosed back reference");
                }
                String name = src.substring(pos + 3, close);
                if (name.chars().allMatch(Character::isDigit)) {
                    out.append('\\').append(name);
                } else {
                    out.append("\\k<").append(javaGroupName(name)).append('>');
                }
                pos = close + 1;
            } else {
                out.append(src, pos, pos + 2);
                pos += 2;
            }
        }

        private void property(boolean negated) {
            int start = pos;
            pos += 2;
            String name;
            if (pos < src.length() && src.charAt(pos) == '{') {
                int close = src.indexOf('}', pos);
                if (close < 0) {
                    throw error("unclosed property");
                }
                name = src.substring(pos + 1, close);
                pos = close + 1;
            } else if (pos < src.length()) {
                name = String.valueOf(src.charAt(pos));
                pos++;
            } else {
                throw error("property name expected at " + start);
            }
            if (name.startsWith("^")) {
                negated = !negated;
                name = name.substring(1);
            }
            out.append(negated ? "\\P{" : "\\p{").append(javaProperty(name)).append('}');
        }

        private String javaProperty(String name) {
            String compact = name.replace(" ", "").replace("_", "").replace("-", "");
            for (String candidate : new String[] {name, "Is" + name, "Is" + compact, posixName(compact)}) {
                if (candidate != null && compiles("\\p{" + candidate + "}")) {
                    return candidate;
                }
            }
            throw error("unknown property \\p{" + name + "}");
        }

        private void openClass() {
            if (src.startsWith("[:", pos)) {
                int close = src.indexOf(":]", pos + 2);
                if (close > 0 && classDepth > 0) {
                    String name = src.substring(pos + 2, close);
                    boolean negated = name.startsWith("^");
                    String posix = posixName(negated ? name.substring(1) : name);
                    if (posix == null) {
                        throw error("unknown POSIX bracket [:" + name + ":]");
                    }
                    out.append(negated ? "\\P{" : "\\p{").append(posix).append('}');
                    pos = close + 2;
                    return;
                }
            }
            classDepth++;
            out.append('[');
            pos++;
            if (pos < src.length() && src.charAt(pos) == '^') {
                out.append('^');
                pos++;
            }
            // A ']' right after the opening bracket is a literal in Oniguruma.
            if (pos < src.length() && src.charAt(pos) == ']') {
                out.append("\\]");
                pos++;
            }
        }

        private void group() {
            if (src.startsWith("(?#", pos)) {
                int close = src.indexOf(')', pos);
                if (close < 0) {
                    throw error("unclosed comment");
                }
                pos = close + 1;
                return;
            }
            if (src.startsWith("(?~", pos)) {
                throw error("the absent operator is not supported");
            }
            if (src.startsWith("(?(", pos)) {
                throw error("conditionals are not supported");
            }
            if (src.startsWith("(?<=", pos) || src.startsWith("(?<!", pos)) {
                out.append(src, pos, pos + 4);
                pos += 4;
                return;
            }
            if (src.startsWith("(?<", pos) || src.startsWith("(?'", pos) || src.startsWith("(?P<", pos)) {
                int nameStart = src.indexOf(src.charAt(pos + 2) == '\'' ? '\'' : '<', pos) + 1;
                int close = src.indexOf(src.charAt(nameStart - 1) == '\'' ? '\'' : '>', nameStart);
                if (close < 0) {
                    throw error("unclosed group name");
                }
                out.append("(?<")
                        .append(javaGroupName(src.substring(nameStart, close)))
                        .append('>');
                pos = close + 1;
                return;
            }
            if (src.startsWith("(?", pos) && pos + 2 < src.length() && isOptionLetter(src.charAt(pos + 2))) {
                options();
                return;
            }
            out.append('(');
            pos++;
        }

        private void options() {
            out.append("(?");
            pos += 2;
            while (pos < src.length()) {
                char o = src.charAt(pos);
                if (o == ':' || o == ')') {
                    out.append(o);
                    pos++;
                    return;
                }
                switch (o) {
                    // Oniguruma's (?m) is "dot matches new line"; its ^ and $ always work on lines.
                    case 'm', 's' -> out.append('s');
                    case 'i', 'x', '-' -> out.append(o);
                    default -> throw error("option (?" + o + ") is not supported");
                }
                pos++;
            }
            throw error("unclosed option group");
        }

        private void brace() {
            int close = src.indexOf('}', pos);
            String body = close < 0 ? null : src.substring(pos + 1, close);
            if (body != null && body.matches("\\d+(,\\d*)?")) {
                out.append(src, pos, close + 1);
                pos = close + 1;
            } else if (body != null && body.matches(",\\d+")) {
                out.append("{0").append(body).append('}');
                pos = close + 1;
            } else {
                out.append("\\{");
                pos++;
            }
        }

        private static boolean isOptionLetter(char c) {
            return c == 'i' || c == 'm' || c == 'x' || c == 's' || c == '-' || c == 'W' || c == 'D' || c == 'S'
                    || c == 'P' || c == 'y' || c == 'a' || c == 'u' || c == 'I' || c == 'L';
        }

        private PatternSyntaxException error(String problem) {
            return new PatternSyntaxException(problem, src, pos);
        }
    }

    private static String posixName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "alnum" -> "Alnum";
            case "alpha" -> "Alpha";
            case "ascii" -> "ASCII";
            case "blank" -> "Blank";
            case "cntrl" -> "Cntrl";
            case "digit" -> "Digit";
            case "graph" -> "Graph";
            case "lower" -> "Lower";
            case "print" -> "Print";
            case "punct" -> "Punct";
            case "space" -> "Space";
            case "upper" -> "Upper";
            case "xdigit" -> "XDigit";
            case "word" -> "IsWord";
            default -> null;
        };
    }

    private static String javaGroupName(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9')) {
                sb.append(c);
            } else {
                sb.append('x').append(Integer.toHexString(c));
            }
        }
        return sb.length() == 0 || !Character.isLetter(sb.charAt(0)) ? "g" + sb : sb.toString();
    }

    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex, FLAGS);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
