package dev.tokensmith.core.text;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles regular expressions written for Oniguruma (as HF tokenizers compiles every {@code Split} and
 * {@code Replace} pattern, through the {@code onig} crate's default syntax on UTF-8) into {@link Pattern}s
 * that match the same text.
 *
 * <p>The two engines are both backtracking and leftmost-first, so the work is in the syntax and in the
 * meaning of shorthands, which differ:
 *
 * <ul>
 *   <li>{@code \s}, {@code \d}, {@code \w}, {@code \b} and POSIX brackets are Unicode-aware in Oniguruma;
 *       they become explicit Unicode classes here ({@code \w} is Alphabetic, Mark, Nd and Pc, without the
 *       Join_Control that Java adds).
 *   <li>{@code ^} and {@code $} are always line anchors, {@code .} excludes only {@code \n}, and {@code (?m)}
 *       means dot-all: the pattern is compiled with MULTILINE and UNIX_LINES, and {@code (?m)} becomes
 *       {@code (?s)}.
 *   <li>{@code X{n,m}+} is a greedy interval repeated once or more (not possessive) and {@code X{n}?} is an
 *       optional fixed repeat (not lazy); stacked quantifiers nest.
 *   <li>{@code \h} is a hex digit, {@code \v} a vertical tab, {@code \p{^Name}} a negated property, and
 *       property names match loosely (case, spaces, hyphens and underscores ignored).
 *   <li>A bare {@code \w}, {@code \b} or {@code \p{Word}} also counts ²³¹¼½¾ as word characters (Oniguruma's
 *       Latin-1 table); inside brackets they are not.
 *   <li>{@code (?i)} follows Unicode simple case folding (Java pairs i with U+0130 and U+0131 and misses
 *       U+1E9E/U+00DF), so case-insensitivity is translated into explicit classes rather than left to Java;
 *       bracket classes are closed under folding, properties included, before their negation. Multi-character
 *       folds (ß against "ss", ligatures) are not reproduced.
 *   <li>An option switch such as {@code a(?i)b|c} applies to the rest of its group, alternatives included:
 *       {@code a(?i:b|c)}.
 *   <li>Capturing follows Oniguruma: when a group is named, plain groups do not capture; captures are renamed
 *       {@code g1, g2...} for Java and back-references ({@code \1}, {@code \k<name>}) point at them.
 * </ul>
 *
 * Constructs that cannot be translated faithfully (subexpression calls, absent groups,
 * conditionals, {@code \G}, {@code \K}, {@code \X}, extended mode, the ASCII-range options) are rejected with a
 * {@link PatternSyntaxException} rather than approximated.
 */
public final class OnigRegex {
    /** The flags every translated pattern is compiled with (see the class comment). */
    public static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;

    /** Oniguruma's Unicode word class as used inside brackets ({@code [\w]}): Alphabetic, M, Nd, Pc. */
    static final String WORD = "\\p{IsAlphabetic}\\p{M}\\p{Nd}\\p{Pc}";

    /**
     * The word class of a bare {@code \w}, {@code \b} or {@code \p{Word}}: Oniguruma answers those from its
     * ISO-8859-1 table below U+0100, which also counts the superscripts and vulgar fractions ²³¹¼½¾ as word
     * characters (observed with HF tokenizers; inside brackets they are not).
     */
    static final String BARE_WORD = WORD + "\\x{b2}\\x{b3}\\x{b9}\\x{bc}-\\x{be}";

    static final String SPACE = "\\p{IsWhite_Space}";

    private final String src;
    private int pos;
    private final StringBuilder out = new StringBuilder();
    /** The set a class escape such as \w stood for, when {@link #classChar()} returns -1. */
    private String lastClassItem;
    /** Whether (?i) is in effect at pos. */
    private boolean ignoreCase;
    /** Whether the pattern names a group: then, as in Oniguruma, only named groups capture. */
    private final boolean namedCapture;
    /** Capturing groups of the pattern when none is named (what a numeric back-reference may refer to). */
    private final int plainGroups;
    /** Capturing groups seen so far: each becomes Java group "g" + number. */
    private int groupCount;

    private final java.util.Map<String, Integer> groupNames = new java.util.HashMap<>();

    private OnigRegex(String src) {
        this.src = src;
        boolean named = false;
        int plain = 0;
        int depth = 0;
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && depth > 0) {
                depth--;
            } else if (c == '(' && depth == 0) {
                if (!src.startsWith("(?", i)) {
                    plain++;
                } else if (src.startsWith("(?'", i)
                        || (src.startsWith("(?<", i) && i + 3 < src.length() && "=!".indexOf(src.charAt(i + 3)) < 0)) {
                    named = true;
                }
            }
        }
        this.namedCapture = named;
        this.plainGroups = plain;
    }

    /** Compiles an Oniguruma pattern; throws {@link PatternSyntaxException} when it is invalid or unsupported. */
    public static Pattern compile(String onigPattern) {
        return Pattern.compile(translate(onigPattern), FLAGS);
    }

    /** The Java syntax for an Oniguruma pattern, to be compiled with {@link #FLAGS}. */
    public static String translate(String onigPattern) {
        OnigRegex t = new OnigRegex(onigPattern);
        t.alternation(TOP);
        if (t.pos < t.src.length()) {
            throw t.error("unmatched closing parenthesis");
        }
        return t.out.toString();
    }

    private PatternSyntaxException error(String what) {
        return new PatternSyntaxException(what, src, Math.min(pos, src.length()));
    }

    private boolean more() {
        return pos < src.length();
    }

    private int peek() {
        return src.codePointAt(pos);
    }

    private int next() {
        int c = src.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    private boolean lookingAt(String s) {
        return src.startsWith(s, pos);
    }

    private static final int TOP = 0;
    private static final int GROUP = 1;
    private static final int REST = 2;

    /**
     * Alternatives up to the end of the pattern ({@code TOP}), up to (not including) the ')' closing a group
     * ({@code GROUP}), or up to whichever comes first ({@code REST}, after an option switch).
     */
    private void alternation(int mode) {
        int atomStart = -1;
        while (more()) {
            int c = peek();
            if (c == ')') {
                if (mode == TOP) {
                    throw error("unmatched closing parenthesis");
                }
                return;
            }
            if (c == '|') {
                pos++;
                out.append('|');
                atomStart = -1;
                continue;
            }
            if (c == '*' || c == '+' || c == '?' || (c == '{' && interval() != null)) {
                if (atomStart < 0) {
                    throw error("target of repeat operator is not specified");
                }
                quantifier(atomStart);
                continue;
            }
            atomStart = out.length();
            if (!atom()) {
                atomStart = -1; // an option switch or a comment: nothing to repeat
            }
        }
        if (mode == GROUP) {
            throw error("end pattern with unmatched parenthesis");
        }
    }

    /**
     * The interval at pos as {min, max (-1 = unbounded), length, kind (0 range, 1 fixed, 2 possessive)}, or
     * null when '{' is a literal here.
     */
    private int[] interval() {
        int i = pos + 1;
        int n = src.length();
        int lowStart = i;
        while (i < n && isAsciiDigit(src.charAt(i))) {
            i++;
        }
        int low = i > lowStart ? parse(src.substring(lowStart, i)) : -1;
        if (i < n && src.charAt(i) == '}') {
            return low < 0 ? null : new int[] {low, low, i + 1 - pos, 1};
        }
        if (i >= n || src.charAt(i) != ',') {
            return null;
        }
        i++;
        int highStart = i;
        while (i < n && isAsciiDigit(src.charAt(i))) {
            i++;
        }
        int high = i > highStart ? parse(src.substring(highStart, i)) : -1;
        if (i >= n || src.charAt(i) != '}' || (low < 0 && high < 0)) {
            return null;
        }
        if (high >= 0 && low > high) {
            return new int[] {high, low, i + 1 - pos, 2}; // Oniguruma reads {n,m} with n > m as possessive {m,n}
        }
        return new int[] {Math.max(low, 0), high, i + 1 - pos, 0};
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Applies the quantifier at pos to the output since atomStart (wrapping nested repeats in a group). */
    private void quantifier(int atomStart) {
        boolean first = true;
        while (more()) {
            int c = peek();
            int[] iv = c == '{' ? interval() : null;
            if (!(c == '*' || c == '+' || c == '?' || iv != null)) {
                return;
            }
            if (!first) {
                out.insert(atomStart, "(?:").append(')');
            }
            first = false;
            if (iv != null) {
                pos += iv[2];
                boolean fixed = iv[3] == 1;
                out.append('{').append(iv[0]);
                if (!fixed) {
                    out.append(',');
                    if (iv[1] >= 0) {
                        out.append(iv[1]);
                    }
                }
                out.append('}');
                if (iv[3] == 2) {
                    out.append('+');
                    continue;
                }
                // A lazy '?' applies to ranges only; after a fixed count it is a new (optional) repeat, and
                // '+' after any interval is a new repeat too: both are handled by the next loop round.
                if (!fixed && more() && peek() == '?') {
                    pos++;
                    out.append('?');
                }
                continue;
            }
            pos++;
            out.appendCodePoint(c);
            if (more() && (peek() == '?' || peek() == '+')) {
                out.appendCodePoint(next());
            }
        }
    }

    /** Translates one atom at pos; false when what was consumed cannot be repeated (options, comments). */
    private boolean atom() {
        int c = next();
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                String cls = charClass();
                out.append(ignoreCase ? caseClosed(cls) : cls);
                return true;
            }
            case '\\' -> {
                escape();
                return true;
            }
            case '.', '^', '$' -> {
                out.appendCodePoint(c);
                return true;
            }
            default -> {
                literal(c);
                return true;
            }
        }
    }

    private void literal(int c) {
        if (ignoreCase) {
            int[] group = CaseFolding.equivalents(c);
            if (group.length > 1) {
                out.append('[');
                for (int x : group) {
                    out.append(hex(x));
                }
                out.append(']');
                return;
            }
        }
        if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
            out.append('\\');
        }
        out.appendCodePoint(c);
    }

    /**
     * A bracket class under (?i): Oniguruma adds the case equivalents of every member (properties included)
     * before applying the class's negation. (A bare property such as {@code (?i)\p{Lu}} is not closed.)
     */
    private static String caseClosed(String cls) {
        boolean negated = cls.startsWith("[^");
        String positive = negated ? "[" + cls.substring(2) : cls;
        Pattern members = Pattern.compile(positive);
        StringBuilder sb = new StringBuilder(negated ? "[^" : "[").append(positive);
        for (int x : CaseFolding.closureAdditions(members)) {
            sb.append(hex(x));
        }
        return sb.append(']').toString();
    }

    private boolean group() {
        if (!more()) {
            throw error("end pattern with unmatched parenthesis");
        }
        boolean outerIgnoreCase = ignoreCase;
        if (peek() != '?') {
            out.append(namedCapture ? "(?:" : "(?<g" + ++groupCount + ">");
            alternation(GROUP);
            close();
            ignoreCase = outerIgnoreCase;
            return true;
        }
        pos++;
        if (!more()) {
            throw error("end pattern in group");
        }
        int c = next();
        switch (c) {
            case ':', '=', '!', '>' -> out.append("(?").appendCodePoint(c);
            case '<' -> {
                if (more() && (peek() == '=' || peek() == '!')) {
                    out.append("(?<").appendCodePoint(next());
                } else {
                    groupNames.put(readName('>'), ++groupCount);
                    out.append("(?<g").append(groupCount).append('>');
                }
            }
            case '\'' -> {
                groupNames.put(readName('\''), ++groupCount);
                out.append("(?<g").append(groupCount).append('>');
            }
            case '#' -> {
                int end = src.indexOf(')', pos);
                if (end < 0) {
                    throw error("end pattern in group");
                }
                pos = end + 1;
                return false;
            }
            case '-', 'i', 'm', 's', 'x', 'a', 'W', 'D', 'S', 'P', 'y' -> {
                pos--;
                boolean switchOnly = options();
                if (switchOnly) {
                    return false;
                }
            }
            default -> throw error("unsupported group (?" + Character.toString(c));
        }
        alternation(GROUP);
        close();
        ignoreCase = outerIgnoreCase;
        return true;
    }

    private void close() {
        if (!more() || peek() != ')') {
            throw error("end pattern with unmatched parenthesis");
        }
        pos++;
        out.append(')');
    }

    /** "(?" plus the letters collected, without a dangling '-' (Java rejects "(?-:"). */
    private static String javaFlags(StringBuilder java) {
        String flags = java.toString();
        return flags.endsWith("-") ? flags.substring(0, flags.length() - 1) : flags;
    }

    private String readName(char end) {
        int close = src.indexOf(end, pos);
        if (close <= pos) {
            throw error("invalid group name");
        }
        String name = src.substring(pos, close);
        pos = close + 1;
        return name;
    }

    /** A back-reference to capturing group {@code n} (case-insensitive under (?i), with Java's folding). */
    private void backReference(int n) {
        if (n < 1 || n > groupCount) {
            throw error("invalid backref number/name");
        }
        out.append(ignoreCase ? "(?iu:\\k<g" + n + ">)" : "\\k<g" + n + ">");
    }

    /** After "\\k": {@code <name>}, {@code 'name'}, {@code <n>} or {@code <-n>} (relative). */
    private void namedBackReference() {
        if (!more() || (peek() != '<' && peek() != '\'')) {
            throw error("invalid backref number/name");
        }
        char end = next() == '<' ? '>' : '\'';
        String ref = readName(end);
        if (ref.matches("[0-9]+")) {
            backReference(Integer.parseInt(ref));
        } else if (ref.matches("-[0-9]+")) {
            backReference(groupCount + 1 + Integer.parseInt(ref));
        } else {
            Integer n = groupNames.get(ref);
            if (n == null) {
                throw error("undefined name <" + ref + "> reference");
            }
            backReference(n);
        }
    }

    /** After a backslash and a digit 1-9 outside brackets: a back-reference when such a group exists, else octal. */
    private void numericEscape(int first) {
        int start = pos - 1;
        int end = pos;
        while (end < src.length() && end - start < 3 && isAsciiDigit(src.charAt(end))) {
            end++;
        }
        int n = Integer.parseInt(src.substring(start, end));
        if (!namedCapture && n <= plainGroups) {
            pos = end;
            backReference(n);
            return;
        }
        if (namedCapture && n <= groupCount) {
            throw error("numbered backref/call is not allowed. (use name)");
        }
        pos = start + 1;
        int value = octal(first);
        if (value < 0) {
            throw error("invalid backref number/name");
        }
        literal(value);
    }

    /** An octal escape whose first digit {@code first} was read: up to three digits in all; -1 if not octal. */
    private int octal(int first) {
        if (first < '0' || first > '7') {
            return -1;
        }
        int v = first - '0';
        for (int k = 0; k < 2 && more() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; k++) {
            v = v * 8 + (src.charAt(pos++) - '0');
        }
        return v;
    }

    /**
     * Option letters up to ':' (a group follows: returns false) or ')' (a switch: Oniguruma applies it to the
     * rest of the enclosing group as if that were one group, alternatives included, which is translated here;
     * returns true).
     */
    private boolean options() {
        StringBuilder java = new StringBuilder("(?");
        boolean negative = false;
        while (more()) {
            int c = next();
            switch (c) {
                case '-' -> {
                    negative = true;
                    java.append('-');
                }
                case 'i' -> ignoreCase = !negative; // done by the translation, see CaseFolding
                case 'm' -> java.append('s'); // Ruby/Oniguruma 'm' is dot-all
                case ':' -> {
                    out.append(javaFlags(java)).append(':');
                    return false;
                }
                case ')' -> {
                    out.append(javaFlags(java)).append(':');
                    alternation(REST);
                    out.append(')');
                    return true;
                }
                case 's' -> throw error("undefined group option (?s)");
                default ->
                    throw error("unsupported group option " + Character.toString(c) + (negative ? " (negated)" : ""));
            }
        }
        throw error("end pattern in group");
    }

    // ---- escapes outside classes ----

    private void escape() {
        if (!more()) {
            throw error("end pattern at escape");
        }
        int c = next();
        switch (c) {
            case 's' -> out.append(SPACE);
            case 'S' -> out.append("\\P{IsWhite_Space}");
            case 'd' -> out.append("\\p{Nd}");
            case 'D' -> out.append("\\P{Nd}");
            case 'w' -> out.append('[').append(BARE_WORD).append(']');
            case 'W' -> out.append("[^").append(BARE_WORD).append(']');
            case 'h' -> out.append("[0-9a-fA-F]");
            case 'H' -> out.append("[^0-9a-fA-F]");
            case 'b' ->
                out.append("(?:(?<=[" + BARE_WORD + "])(?![" + BARE_WORD + "])|(?<![" + BARE_WORD + "])(?=[" + BARE_WORD
                        + "]))");
            case 'B' ->
                out.append("(?:(?<=[" + BARE_WORD + "])(?=[" + BARE_WORD + "])|(?<![" + BARE_WORD + "])(?![" + BARE_WORD
                        + "]))");
            case 'A' -> out.append("\\A");
            case 'z' -> out.append("\\z");
            case 'Z' -> out.append("\\Z");
            case 'R' -> out.append("(?>\\r\\n|[\\n\\x0B\\f\\r\\x{85}\\x{2028}\\x{2029}])");
            case 'N' -> out.append("[^\\n]");
            case 'O' -> out.append("(?s:.)");
            case 'p', 'P' -> out.append('[').append(property(c == 'P', false)).append(']');
            case 'k' -> namedBackReference();
            case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> numericEscape(c);
            default -> {
                int value = charEscape(c);
                if (value < 0) {
                    throw error("unsupported escape \\" + Character.toString(c));
                }
                if (ignoreCase) {
                    literal(value);
                } else {
                    out.append(hex(value));
                }
            }
        }
    }

    /**
     * The code point of a single-character escape whose letter {@code c} was just read (consuming any
     * digits), or -1 when {@code c} introduces something else.
     */
    private int charEscape(int c) {
        switch (c) {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'f':
                return '\f';
            case 'v':
                return 0x0B;
            case 'a':
                return 0x07;
            case 'e':
                return 0x1B;
            case 'x':
                if (more() && peek() == '{') {
                    return braced(16, 8);
                }
                return digits(16, 2, 0);
            case 'u':
                return digits(16, 4, 4);
            case 'o':
                if (more() && peek() == '{') {
                    return braced(8, 11);
                }
                return -1;
            case '0':
                return digits(8, 2, 0);
            case 'c':
                if (!more()) {
                    throw error("end pattern at control");
                }
                return next() & 0x1F;
            default:
                if (c >= '1' && c <= '9') {
                    return octal(c); // inside brackets there are no back-references
                }
                if (c < 128 && Character.isLetterOrDigit(c)) {
                    return -1;
                }
                return c; // an escaped symbol stands for itself
        }
    }

    private int braced(int radix, int maxDigits) {
        pos++; // '{'
        int close = src.indexOf('}', pos);
        if (close < 0) {
            throw error("invalid code point value");
        }
        String digits = src.substring(pos, close).strip();
        if (digits.isEmpty() || digits.length() > maxDigits || digits.contains(" ")) {
            throw error("invalid code point value (only one code point per \\x{...} is supported)");
        }
        pos = close + 1;
        try {
            int v = Integer.parseInt(digits, radix);
            if (v > Character.MAX_CODE_POINT) {
                throw error("invalid code point value");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("invalid code point value");
        }
    }

    private int digits(int radix, int max, int exactly) {
        int v = 0;
        int count = 0;
        while (count < max && more() && Character.digit(src.charAt(pos), radix) >= 0) {
            v = v * radix + Character.digit(src.charAt(pos), radix);
            pos++;
            count++;
        }
        if (exactly > 0 && count != exactly) {
            throw error("invalid code point value");
        }
        return v;
    }

    private static String hex(int cp) {
        return "\\x{" + Integer.toHexString(cp) + "}";
    }

    // ---- character classes ----

    /** A class body after its '[' was read, returned as a complete Java class "[...]". */
    private String charClass() {
        StringBuilder cls = new StringBuilder("[");
        if (more() && peek() == '^') {
            pos++;
            cls.append('^');
        }
        boolean first = true;
        int pendingChar = -1; // the last single char, which a following '-' may extend into a range
        while (true) {
            if (!more()) {
                throw error("premature end of char-class");
            }
            int c = peek();
            if (c == ']' && !first) {
                pos++;
                flush(cls, pendingChar);
                cls.append(']');
                return cls.toString();
            }
            first = false;
            if (c == '&' && lookingAt("&&")) {
                pos += 2;
                flush(cls, pendingChar);
                pendingChar = -1;
                cls.append("&&");
                continue;
            }
            if (c == '[') {
                flush(cls, pendingChar);
                pendingChar = -1;
                pos++;
                if (more() && peek() == ':') {
                    String posix = posixBracket();
                    if (posix != null) {
                        cls.append(posix);
                        continue;
                    }
                }
                cls.append(charClass());
                continue;
            }
            if (c == '-' && pendingChar >= 0 && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
                pos++;
                int save = pos;
                int end = classChar();
                if (end < 0) {
                    pos = save;
                    throw error("char-class value at end of range");
                }
                if (end < pendingChar) {
                    throw error("empty range in char class");
                }
                cls.append(hex(pendingChar)).append('-').append(hex(end));
                pendingChar = -1;
                continue;
            }
            flush(cls, pendingChar);
            pendingChar = -1;
            int single = classChar();
            if (single >= 0) {
                pendingChar = single;
            } else {
                cls.append(lastClassItem);
            }
        }
    }

    private static void flush(StringBuilder cls, int pendingChar) {
        if (pendingChar >= 0) {
            cls.append(hex(pendingChar));
        }
    }

    /** One class element at pos: a single code point (returned), or a set (returns -1, see lastClassItem). */
    private int classChar() {
        int c = next();
        if (c != '\\') {
            return c;
        }
        if (!more()) {
            throw error("end pattern at escape");
        }
        int e = next();
        String set = switch (e) {
            case 's' -> SPACE;
            case 'S' -> "\\P{IsWhite_Space}";
            case 'd' -> "\\p{Nd}";
            case 'D' -> "\\P{Nd}";
            case 'w' -> WORD;
            case 'W' -> "[^" + WORD + "]";
            case 'h' -> "0-9a-fA-F";
            case 'H' -> "[^0-9a-fA-F]";
            case 'p', 'P' -> "[" + property(e == 'P', true) + "]";
            default -> null;
        };
        if (set != null) {
            lastClassItem = set;
            return -1;
        }
        if (e == 'b') {
            return 0x08;
        }
        int value = charEscape(e);
        if (value < 0) {
            throw error("unsupported escape \\" + Character.toString(e) + " in char class");
        }
        return value;
    }

    /** A POSIX bracket "[:name:]" whose "[" was read, as a class fragment; null when not one. */
    private String posixBracket() {
        int close = src.indexOf(":]", pos + 1);
        if (close < 0) {
            return null;
        }
        String name = src.substring(pos + 1, close);
        boolean negate = name.startsWith("^");
        if (negate) {
            name = name.substring(1);
        }
        if (!name.chars().allMatch(Character::isLetter)) {
            return null;
        }
        String body = posixBody(name.toLowerCase(Locale.ROOT));
        if (body == null) {
            throw error("invalid POSIX bracket type [:" + name + ":]");
        }
        pos = close + 2;
        return negate ? "[^" + body + "]" : body;
    }

    // ---- properties ----

    /** After \p or \P: reads {Name} or {^Name} and returns the class body (without brackets). */
    private String property(boolean negated, boolean inClass) {
        if (!more() || peek() != '{') {
            throw error("invalid character property name");
        }
        int close = src.indexOf('}', pos);
        if (close < 0) {
            throw error("invalid character property name");
        }
        String name = src.substring(pos + 1, close);
        pos = close + 1;
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        String body = !inClass && loose(name).equals("word") ? BARE_WORD : propertyBody(name);
        if (body == null) {
            throw error("invalid character property name {" + name + "}");
        }
        return negated ? "^" + body : body;
    }

    /** A Java class body for an Oniguruma property name, or null when unknown. */
    static String propertyBody(String name) {
        String key = loose(name);
        if (key.equals("punct")) {
            return "\\p{P}"; // unlike [[:punct:]], which adds the symbols
        }
        String posix = posixBody(key);
        if (posix != null) {
            return posix;
        }
        String category = generalCategory(key);
        if (category != null) {
            return "\\p{" + category + "}";
        }
        String binary = switch (key) {
            case "alphabetic" -> "IsAlphabetic";
            case "whitespace" -> "IsWhite_Space";
            case "uppercase" -> "IsUppercase";
            case "lowercase" -> "IsLowercase";
            case "ideographic" -> "IsIdeographic";
            case "hexdigit" -> "IsHex_Digit";
            case "joincontrol" -> "IsJoin_Control";
            case "noncharactercodepoint" -> "IsNoncharacter_Code_Point";
            case "emoji" -> "IsEmoji";
            case "emojipresentation" -> "IsEmoji_Presentation";
            case "emojimodifier" -> "IsEmoji_Modifier";
            case "emojimodifierbase" -> "IsEmoji_Modifier_Base";
            case "emojicomponent" -> "IsEmoji_Component";
            case "extendedpictographic" -> "IsExtended_Pictographic";
            default -> null;
        };
        if (binary != null) {
            return "\\p{" + binary + "}";
        }
        for (Character.UnicodeScript script : Character.UnicodeScript.values()) {
            if (loose(script.name()).equals(key)) {
                return "\\p{Is" + script.name() + "}";
            }
        }
        if (key.startsWith("in")) {
            try {
                Character.UnicodeBlock block = Character.UnicodeBlock.forName(
                        name.substring(2).replace("_", " ").strip());
                return "\\p{In" + block.toString() + "}";
            } catch (IllegalArgumentException notABlock) {
                return null;
            }
        }
        return null;
    }

    private static String loose(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch != ' ' && ch != '-' && ch != '_') {
                sb.append(Character.toLowerCase(ch));
            }
        }
        return sb.toString();
    }

    /** Oniguruma's Unicode POSIX classes (also valid as \p{Name}), as Java class bodies. */
    private static String posixBody(String key) {
        return switch (key) {
            case "alnum" -> "\\p{IsAlphabetic}\\p{Nd}";
            case "alpha" -> "\\p{IsAlphabetic}";
            case "blank" -> "\\t\\p{Zs}";
            case "cntrl" -> "\\p{Cc}";
            case "digit" -> "\\p{Nd}";
            case "graph" -> "[^\\p{IsWhite_Space}\\p{Cc}\\p{Cs}\\p{Cn}]";
            case "lower" -> "\\p{IsLowercase}";
            case "print" -> "[^\\p{IsWhite_Space}\\p{Cc}\\p{Cs}\\p{Cn}]\\p{Zs}";
            case "punct" -> "\\p{P}\\p{S}"; // as a bracket; \p{Punct} is only P, see propertyBody
            case "space" -> SPACE;
            case "upper" -> "\\p{IsUppercase}";
            case "xdigit" -> "0-9A-Fa-f";
            case "word" -> WORD;
            case "ascii" -> "\\x{0}-\\x{7f}";
            case "any" -> "\\x{0}-\\x{10ffff}";
            case "assigned" -> "\\P{Cn}";
            default -> null;
        };
    }

    private static String generalCategory(String key) {
        return switch (key) {
            case "l", "letter" -> "L";
            case "lu", "uppercaseletter" -> "Lu";
            case "ll", "lowercaseletter" -> "Ll";
            case "lt", "titlecaseletter" -> "Lt";
            case "lm", "modifierletter" -> "Lm";
            case "lo", "otherletter" -> "Lo";
            case "lc", "casedletter" -> "LC";
            case "m", "mark", "combiningmark" -> "M";
            case "mn", "nonspacingmark" -> "Mn";
            case "mc", "spacingmark" -> "Mc";
            case "me", "enclosingmark" -> "Me";
            case "n", "number" -> "N";
            case "nd", "decimalnumber" -> "Nd";
            case "nl", "letternumber" -> "Nl";
            case "no", "othernumber" -> "No";
            case "p", "punctuation" -> "P";
            case "pc", "connectorpunctuation" -> "Pc";
            case "pd", "dashpunctuation" -> "Pd";
            case "ps", "openpunctuation" -> "Ps";
            case "pe", "closepunctuation" -> "Pe";
            case "pi", "initialpunctuation" -> "Pi";
            case "pf", "finalpunctuation" -> "Pf";
            case "po", "otherpunctuation" -> "Po";
            case "s", "symbol" -> "S";
            case "sm", "mathsymbol" -> "Sm";
            case "sc", "currencysymbol" -> "Sc";
            case "sk", "modifiersymbol" -> "Sk";
            case "so", "othersymbol" -> "So";
            case "z", "separator" -> "Z";
            case "zs", "spaceseparator" -> "Zs";
            case "zl", "lineseparator" -> "Zl";
            case "zp", "paragraphseparator" -> "Zp";
            case "c", "other" -> "C";
            case "cc", "control" -> "Cc";
            case "cf", "format" -> "Cf";
            case "cs", "surrogate" -> "Cs";
            case "co", "privateuse" -> "Co";
            case "cn", "unassigned" -> "Cn";
            default -> null;
        };
    }
}
