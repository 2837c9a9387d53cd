package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.UnicodeProps;

/**
 * BERT's basic cleaning, as HF's {@code BertNormalizer}: in this order, {@code cleanText} drops NUL, U+FFFD and
 * control/format/private-use characters and turns white space into spaces; {@code handleChineseChars} puts
 * spaces around CJK ideographs; accents are stripped (NFD, then nonspacing marks removed) when {@code
 * stripAccents} says so, or when it is null and {@code lowercase} is set; then code points are lowercased. The
 * mark and control tests use Unicode 8.0 categories, as HF's tables do.
 */
public record BertNormalizer(boolean cleanText, boolean handleChineseChars, Boolean stripAccents, boolean lowercase)
        implements Normalizer {

    /** HF's defaults: everything on, accents following {@code lowercase}. */
    public static BertNormalizer defaults() {
        return new BertNormalizer(true, true, null, true);
    }

    @Override
    public void normalize(NormalizedString text) {
        if (cleanText) {
            text.filter(c -> !(c == 0 || c == 0xFFFD || isControl(c)));
            text.map(c -> isWhitespace(c) ? ' ' : c);
        }
        if (handleChineseChars) {
            spaceChineseChars(text);
        }
        if (stripAccents != null ? stripAccents : lowercase) {
            UnicodeForms.apply(text, UnicodeForms.Form.NFD);
            text.filter(c -> !UnicodeAges.isNonspacingMark8(c));
        }
        if (lowercase) {
            text.flatMap(Lowercase::lower);
        }
    }

    private static void spaceChineseChars(NormalizedString text) {
        String s = text.get();
        IntList cps = new IntList(s.length() + 8);
        IntList changes = new IntList(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (isChineseChar(c)) {
                // HF: the space takes the ideograph's place, the ideograph and the second space are insertions.
                cps.add(' ');
                changes.add(0);
                cps.add(c);
                changes.add(1);
                cps.add(' ');
                changes.add(1);
            } else {
                cps.add(c);
                changes.add(0);
            }
        }
        text.transform(cps.toArray(), changes.toArray(), cps.size(), 0);
    }

    /** Tab, new line and carriage return count as white space here, not as control characters. */
    static boolean isWhitespace(int c) {
        return c == '\t' || c == '\n' || c == '\r' || UnicodeProps.isWhiteSpace(c);
    }

    /**
     * General category Cc, Cf or Co (not Cn, not Cs) as of Unicode 8.0 (HF's {@code unicode_categories} tables),
     * except tab, new line and carriage return.
     */
    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return UnicodeAges.isOther8(c);
    }

    /** The CJK ideograph blocks BERT's original code lists (not Hangul, Hiragana or Katakana). */
    static boolean isChineseChar(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F)
                || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
