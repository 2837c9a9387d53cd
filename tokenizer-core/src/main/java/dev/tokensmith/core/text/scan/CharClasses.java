package dev.tokensmith.core.text.scan;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The character classes the split patterns are written in, as the translated regexes see them: Java's Unicode
 * general categories ({@code \p{L}}, {@code \p{Lu}}, {@code \p{M}}, {@code \p{N}}...) and {@code
 * \p{IsWhite_Space}} (what {@link dev.tokensmith.core.text.OnigRegex} makes of {@code \s}).
 *
 * <p>A class is a set of bits; the categories are exclusive, so a code point has at most one of the letter,
 * mark and number bits. The BMP is one flat table (a lookup per char); supplementary code points, which only
 * occur as surrogate pairs, go through a second level of blocks filled on first use. High surrogates carry a
 * marker instead of a class, so that the common case costs a single load and sign test; a surrogate that is not
 * half of a pair inside the scanned range is a code point of its own (category Cs: none of the bits), as Java's
 * regex treats it.
 */
final class CharClasses {
    /** Lu or Lt: in o200k's upper class only. */
    static final int LUT = 1;
    /** Ll: in o200k's lower class only. */
    static final int LL = 2;
    /** Lm or Lo: in both of o200k's letter classes. */
    static final int LMO = 4;
    /** Mn, Mc or Me: in both of o200k's letter classes, but not \p{L}. */
    static final int MARK = 8;
    /** Nd, Nl or No. */
    static final int N = 16;
    /** White_Space. */
    static final int WS = 32;
    /** Set on the classes of supplementary code points: the code point takes two chars. */
    static final int PAIR = 64;

    static final int L = LUT | LL | LMO;
    /** o200k's {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]}. */
    static final int UPPER = LUT | LMO | MARK;
    /** o200k's {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]}. */
    static final int LOWER = LL | LMO | MARK;
    /** What both of o200k's letter classes hold. */
    static final int BOTH = LMO | MARK;
    /** A class without any of these bits is {@code [^\s\p{L}\p{N}]}. */
    static final int LNW = L | N | WS;

    /** Marks a high surrogate in the BMP table: negative, and without any class bit. */
    private static final byte HIGH_SURROGATE = (byte) 0x80;

    /** BMP classes; high surrogates hold {@link #HIGH_SURROGATE} (look for the pair). */
    private static final byte[] BMP = new byte[0x10000];

    private static final int BLOCK = 8;
    /**
     * Classes of supplementary code points, 256 to a block, each block filled when first needed: text rarely
     * uses more than a few of the 4096, and filling all of them would add a million category lookups to the
     * first use of a scanner.
     */
    private static final AtomicReferenceArray<byte[]> SUPPLEMENTARY =
            new AtomicReferenceArray<>((Character.MAX_CODE_POINT + 1 - 0x10000) >> BLOCK);

    static {
        // Block by block: a short method called often gets compiled early, where one long loop would run in the
        // interpreter for most of its 65,536 rounds.
        for (int base = 0; base < 0x10000; base += 1 << BLOCK) {
            fill(BMP, base, base);
        }
        for (int c = Character.MIN_HIGH_SURROGATE; c <= Character.MAX_HIGH_SURROGATE; c++) {
            BMP[c] = HIGH_SURROGATE;
        }
    }

    /** The classes of the 256 code points from {@code base} into {@code into[offset...]}. */
    private static void fill(byte[] into, int offset, int base) {
        for (int k = 0; k < 1 << BLOCK; k++) {
            into[offset + k] = (byte) compute(base + k);
        }
    }

    private CharClasses() {}

    /** The class of the code point starting at {@code i} (with {@link #PAIR} when it is a surrogate pair). */
    static int at(char[] text, int i, int limit) {
        int k = BMP[text[i]];
        return k >= 0 ? k : pair(text, i, limit);
    }

    /**
     * The class of a char on its own: for a high surrogate a negative marker without any class bit, which {@link
     * #at} resolves (white space, for one, needs no resolving: it is all in the BMP).
     */
    static int ofChar(char c) {
        return BMP[c];
    }

    /** How many chars the code point of class {@code k} takes. */
    static int width(int k) {
        return 1 + (k >>> 6);
    }

    private static int pair(char[] text, int i, int limit) {
        if (i + 1 < limit) {
            char low = text[i + 1];
            if (Character.isLowSurrogate(low)) {
                return supplementary(Character.toCodePoint(text[i], low));
            }
        }
        return 0; // a lone high surrogate: Cs
    }

    private static int supplementary(int cp) {
        int offset = cp - 0x10000;
        byte[] block = SUPPLEMENTARY.getAcquire(offset >> BLOCK);
        if (block == null) {
            block = new byte[1 << BLOCK];
            fill(block, 0, cp & ~((1 << BLOCK) - 1));
            for (int k = 0; k < block.length; k++) {
                block[k] |= PAIR;
            }
            SUPPLEMENTARY.setRelease(offset >> BLOCK, block); // a racing thread may fill it too, alike
        }
        return block[offset & ((1 << BLOCK) - 1)];
    }

    /** The class of any code point (surrogates as lone code points), without {@link #PAIR}; for tests. */
    static int of(int cp) {
        return cp < 0x10000 ? (Character.isHighSurrogate((char) cp) ? 0 : BMP[cp]) : supplementary(cp) & ~PAIR;
    }

    /**
     * The class as the regex engine decides it: java.util.regex takes categories from {@link Character#getType}
     * and defines White_Space as the separators (Zs, Zl, Zp), U+0009..U+000D and U+0085.
     */
    private static int compute(int cp) {
        int type = Character.getType(cp);
        int k = switch (type) {
            case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> LUT;
            case Character.LOWERCASE_LETTER -> LL;
            case Character.MODIFIER_LETTER, Character.OTHER_LETTER -> LMO;
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> MARK;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> N;
            default -> 0;
        };
        boolean space = type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (cp >= 0x09 && cp <= 0x0D)
                || cp == 0x85;
        return space ? k | WS : k;
    }
}
