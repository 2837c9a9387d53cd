package dev.tokensmith.core.text;

/** Unicode character properties as Rust's {@code char} methods define them (which HF tokenizers uses). */
public final class UnicodeProps {
    private UnicodeProps() {}

    /**
     * Unicode White_Space, as Rust's {@code char::is_whitespace}. Unlike {@link Character#isWhitespace} it
     * includes no-break spaces (U+00A0, U+2007, U+202F) and U+0085, and excludes U+001C..U+001F.
     */
    public static boolean isWhiteSpace(int c) {
        return (c >= 0x09 && c <= 0x0D)
                || c == 0x20
                || c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }

    /** Rust's {@code char::is_alphanumeric}: Alphabetic or Numeric (Nd, Nl, No). */
    public static boolean isAlphanumeric(int c) {
        return Character.isAlphabetic(c) || isNumeric(c);
    }

    /**
     * Rust's {@code char::is_numeric}: general category Nd, Nl or No. Rust's tables (in the HF build we test
     * against) are at Unicode 17, Java 25's at 16: the 13 numeric characters added in 17 (Tolong Siki digits
     * U+11DE0..U+11DE9, U+16FF4..U+16FF6) are added by hand, as found by checking every code point against HF.
     */
    public static boolean isNumeric(int c) {
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER
                || t == Character.LETTER_NUMBER
                || t == Character.OTHER_NUMBER
                || (c >= 0x11DE0 && c <= 0x11DE9)
                || (c >= 0x16FF4 && c <= 0x16FF6);
    }

    /** Rust's {@code char::is_control}: general category Cc. */
    public static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL;
    }

    /** Unicode general category P* (HF's {@code is_punc} for Unicode punctuation). */
    public static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
