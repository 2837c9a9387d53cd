package dev.tokensmith.transplant.align;

import java.nio.charset.StandardCharsets;

/**
 * The kind of text a token stands for, judged on its canonical bytes, for counting what an alignment shares,
 * adds and drops. A word-initial space is ignored ({@code " 42"} is a number); a token that is only whitespace is
 * {@link #WHITESPACE}, or {@link #CODE} when it is an indentation run (a tab, three or more spaces, or spaces
 * after a newline).
 *
 * <pre>{@code
 * TokenClass.of(" the".getBytes(UTF_8)); // LATIN_WORD
 * }</pre>
 */
public enum TokenClass {
    WHITESPACE("whitespace"),
    DIGIT("digit"),
    NUMBER("number (2+ digits)"),
    PUNCTUATION("punctuation"),
    CODE("code (operators, brackets, indentation)"),
    CJK("CJK"),
    LATIN_WORD("Latin word"),
    OTHER_SCRIPT("other script"),
    OTHER("other (mixed, symbols, emoji)"),
    BYTES("bytes (partial UTF-8)"),
    SPECIAL("special");

    /** Prose punctuation: what text outside code uses alone or in short runs. */
    private static final String PROSE = ".,;:!?'\"-()…–—‘’“”«»¡¿·、。，！？：；「」『』（）《》〈〉【】・";

    private final String label;

    TokenClass(String label) {
        this.label = label;
    }

    /** A short human name for reports. */
    public String label() {
        return label;
    }

    /** The class of a non-special token with canonical bytes {@code canonical}. */
    public static TokenClass of(byte[] canonical) {
        String s = decodeStrict(canonical);
        if (s == null) {
            return BYTES;
        }
        if (s.isEmpty()) {
            return OTHER;
        }
        if (s.isBlank()) {
            return isIndentation(s) ? CODE : WHITESPACE;
        }
        String core = s.length() > 1 && s.charAt(0) == ' ' ? s.substring(1) : s;
        if (Character.isWhitespace(core.codePointAt(0))) {
            return CODE; // indentation before code: "\tif", "\n    return"
        }
        core = core.stripTrailing(); // line ends after a statement or a sentence: ";\n", "。\n\n"
        int latin = 0;
        int otherLetters = 0;
        int digits = 0;
        int cjk = 0;
        int symbols = 0;
        int prose = 0;
        int asciiSymbols = 0;
        int spaces = 0;
        for (int i = 0; i < core.length(); ) {
            int c = core.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (Character.isWhitespace(c)) {
                spaces++;
            } else if (isCjk(c)) {
                cjk++;
            } else if (Character.isLetter(c) || isMark(type)) {
                if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                } else if (!isMark(type)
                        || (script != Character.UnicodeScript.INHERITED && script != Character.UnicodeScript.COMMON)) {
                    otherLetters++;
                }
            } else if (Character.isDigit(c)) {
                digits++;
            } else {
                symbols++;
                if (PROSE.indexOf(c) >= 0) {
                    prose++;
                } else if (c < 0x80) {
                    asciiSymbols++;
                }
            }
        }
        int letters = latin + otherLetters;
        if (cjk > 0) {
            return CJK;
        }
        if (digits > 0 && letters == 0 && symbols == 0 && spaces == 0) {
            return digits == 1 ? DIGIT : NUMBER;
        }
        if (letters > 0 && digits == 0 && spaces == 0 && symbols == wordPunctuation(core)) {
            return otherLetters == 0 ? LATIN_WORD : OTHER_SCRIPT;
        }
        if (letters == 0 && digits == 0) {
            if (symbols == prose && spaces == 0 && (prose <= 2 || sameChar(core))) {
                return PUNCTUATION;
            }
            return asciiSymbols == 0 && prose < symbols ? OTHER : CODE;
        }
        if (core.indexOf('_') >= 0 || hasCodeSymbol(core)) {
            return CODE;
        }
        return OTHER;
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean sameChar(String s) {
        return s.codePoints().distinct().count() == 1;
    }

    /** Apostrophes and hyphens inside or at the edge of a word ({@code "'s"}, {@code "-based"}). */
    private static int wordPunctuation(String core) {
        int n = 0;
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            if (c == '\'' || c == '’' || c == '-') {
                n++;
            }
        }
        return n;
    }

    private static boolean hasCodeSymbol(String core) {
        for (int i = 0; i < core.length(); i++) {
            if ("(){}[]<>=;.:/\\|&^~`$#@*+%".indexOf(core.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIndentation(String s) {
        if (s.indexOf('\t') >= 0) {
            return true;
        }
        int nl = Math.max(s.lastIndexOf('\n'), s.lastIndexOf('\r'));
        if (nl >= 0) {
            return nl < s.length() - 1;
        }
        return s.length() >= 3;
    }

    static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        // CJK symbols and punctuation, and full-width forms.
        return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
    }

    /** The text of {@code bytes} when it is valid UTF-8, else null. */
    static String decodeStrict(byte[] bytes) {
        for (int i = 0; i < bytes.length; ) {
            int len = Visible.sequenceLength(bytes, i);
            if (len == 0) {
                return null;
            }
            i += len;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
