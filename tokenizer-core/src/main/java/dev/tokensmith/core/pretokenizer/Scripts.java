package dev.tokensmith.core.pretokenizer;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.Set;

/**
 * The script of a code point as HF's {@code UnicodeScripts} sees it. HF uses SentencePiece's table, generated
 * from Unicode 9.0 data, where Java knows Unicode 16: scripts and characters encoded after Unicode 9.0 are
 * {@link #ANY} for HF, and three characters have since changed script. Both differences are corrected here
 * with tables observed against HF tokenizers itself (every code point, through the DJL oracle).
 */
final class Scripts {
    /** HF's {@code Script::Any}: joins its neighbours. */
    static final int ANY = -1;

    private static final int HAN = UnicodeScript.HAN.ordinal();

    /** The scripts of HF's table (Unicode 9.0); all others are Any. */
    private static final Set<UnicodeScript> KNOWN = EnumSet.of(
            UnicodeScript.ADLAM,
            UnicodeScript.AHOM,
            UnicodeScript.ANATOLIAN_HIEROGLYPHS,
            UnicodeScript.ARABIC,
            UnicodeScript.ARMENIAN,
            UnicodeScript.AVESTAN,
            UnicodeScript.BALINESE,
            UnicodeScript.BAMUM,
            UnicodeScript.BASSA_VAH,
            UnicodeScript.BATAK,
            UnicodeScript.BENGALI,
            UnicodeScript.BHAIKSUKI,
            UnicodeScript.BOPOMOFO,
            UnicodeScript.BRAHMI,
            UnicodeScript.BRAILLE,
            UnicodeScript.BUGINESE,
            UnicodeScript.BUHID,
            UnicodeScript.CANADIAN_ABORIGINAL,
            UnicodeScript.CARIAN,
            UnicodeScript.CAUCASIAN_ALBANIAN,
            UnicodeScript.CHAKMA,
            UnicodeScript.CHAM,
            UnicodeScript.CHEROKEE,
            UnicodeScript.COMMON,
            UnicodeScript.COPTIC,
            UnicodeScript.CUNEIFORM,
            UnicodeScript.CYPRIOT,
            UnicodeScript.CYRILLIC,
            UnicodeScript.DESERET,
            UnicodeScript.DEVANAGARI,
            UnicodeScript.DUPLOYAN,
            UnicodeScript.EGYPTIAN_HIEROGLYPHS,
            UnicodeScript.ELBASAN,
            UnicodeScript.ETHIOPIC,
            UnicodeScript.GEORGIAN,
            UnicodeScript.GLAGOLITIC,
            UnicodeScript.GOTHIC,
            UnicodeScript.GRANTHA,
            UnicodeScript.GREEK,
            UnicodeScript.GUJARATI,
            UnicodeScript.GURMUKHI,
            UnicodeScript.HAN,
            UnicodeScript.HANGUL,
            UnicodeScript.HANUNOO,
            UnicodeScript.HATRAN,
            UnicodeScript.HEBREW,
            UnicodeScript.HIRAGANA,
            UnicodeScript.IMPERIAL_ARAMAIC,
            UnicodeScript.INHERITED,
            UnicodeScript.INSCRIPTIONAL_PAHLAVI,
            UnicodeScript.INSCRIPTIONAL_PARTHIAN,
            UnicodeScript.JAVANESE,
            UnicodeScript.KAITHI,
            UnicodeScript.KANNADA,
            UnicodeScript.KATAKANA,
            UnicodeScript.KAYAH_LI,
            UnicodeScript.KHAROSHTHI,
            UnicodeScript.KHMER,
            UnicodeScript.KHOJKI,
            UnicodeScript.KHUDAWADI,
            UnicodeScript.LAO,
            UnicodeScript.LATIN,
            UnicodeScript.LEPCHA,
            UnicodeScript.LIMBU,
            UnicodeScript.LINEAR_A,
            UnicodeScript.LINEAR_B,
            UnicodeScript.LISU,
            UnicodeScript.LYCIAN,
            UnicodeScript.LYDIAN,
            UnicodeScript.MAHAJANI,
            UnicodeScript.MALAYALAM,
            UnicodeScript.MANDAIC,
            UnicodeScript.MANICHAEAN,
            UnicodeScript.MARCHEN,
            UnicodeScript.MEETEI_MAYEK,
            UnicodeScript.MENDE_KIKAKUI,
            UnicodeScript.MEROITIC_CURSIVE,
            UnicodeScript.MEROITIC_HIEROGLYPHS,
            UnicodeScript.MIAO,
            UnicodeScript.MODI,
            UnicodeScript.MONGOLIAN,
            UnicodeScript.MRO,
            UnicodeScript.MULTANI,
            UnicodeScript.MYANMAR,
            UnicodeScript.NABATAEAN,
            UnicodeScript.NEW_TAI_LUE,
            UnicodeScript.NEWA,
            UnicodeScript.NKO,
            UnicodeScript.OGHAM,
            UnicodeScript.OL_CHIKI,
            UnicodeScript.OLD_HUNGARIAN,
            UnicodeScript.OLD_ITALIC,
            UnicodeScript.OLD_NORTH_ARABIAN,
            UnicodeScript.OLD_PERMIC,
            UnicodeScript.OLD_PERSIAN,
            UnicodeScript.OLD_SOUTH_ARABIAN,
            UnicodeScript.OLD_TURKIC,
            UnicodeScript.ORIYA,
            UnicodeScript.OSAGE,
            UnicodeScript.OSMANYA,
            UnicodeScript.PAHAWH_HMONG,
            UnicodeScript.PALMYRENE,
            UnicodeScript.PAU_CIN_HAU,
            UnicodeScript.PHAGS_PA,
            UnicodeScript.PHOENICIAN,
            UnicodeScript.PSALTER_PAHLAVI,
            UnicodeScript.REJANG,
            UnicodeScript.RUNIC,
            UnicodeScript.SAMARITAN,
            UnicodeScript.SAURASHTRA,
            UnicodeScript.SHARADA,
            UnicodeScript.SHAVIAN,
            UnicodeScript.SIDDHAM,
            UnicodeScript.SIGNWRITING,
            UnicodeScript.SINHALA,
            UnicodeScript.SORA_SOMPENG,
            UnicodeScript.SUNDANESE,
            UnicodeScript.SYLOTI_NAGRI,
            UnicodeScript.SYRIAC,
            UnicodeScript.TAGALOG,
            UnicodeScript.TAGBANWA,
            UnicodeScript.TAI_LE,
            UnicodeScript.TAI_THAM,
            UnicodeScript.TAI_VIET,
            UnicodeScript.TAKRI,
            UnicodeScript.TAMIL,
            UnicodeScript.TANGUT,
            UnicodeScript.TELUGU,
            UnicodeScript.THAANA,
            UnicodeScript.THAI,
            UnicodeScript.TIBETAN,
            UnicodeScript.TIFINAGH,
            UnicodeScript.TIRHUTA,
            UnicodeScript.UGARITIC,
            UnicodeScript.VAI,
            UnicodeScript.WARANG_CITI,
            UnicodeScript.YI);

    /**
     * Ranges (first, last) of characters that Java assigns to a script of {@link #KNOWN} but that HF's table
     * lacks, having been encoded after Unicode 9.0; gaps that Java already maps to ANY are merged in.
     */
    private static final int[] LATER = {
        0x0560, 0x0560, 0x0588, 0x0588, 0x05EF, 0x05EF, 0x061D, 0x061D,
        0x07FD, 0x07FF, 0x0860, 0x089F, 0x08B5, 0x08B5, 0x08BE, 0x08D3,
        0x09FC, 0x09FE, 0x0A76, 0x0A76, 0x0AFA, 0x0AFF, 0x0B55, 0x0B55,
        0x0C04, 0x0C04, 0x0C3C, 0x0C3C, 0x0C5D, 0x0C5D, 0x0C77, 0x0C77,
        0x0C84, 0x0C84, 0x0CDD, 0x0CDD, 0x0CF3, 0x0D00, 0x0D04, 0x0D04,
        0x0D3B, 0x0D3C, 0x0D81, 0x0D81, 0x0E86, 0x0E86, 0x0E89, 0x0E89,
        0x0E8C, 0x0E8C, 0x0E8E, 0x0E93, 0x0E98, 0x0E98, 0x0EA0, 0x0EA0,
        0x0EA8, 0x0EA9, 0x0EAC, 0x0EAC, 0x0EBA, 0x0EBA, 0x0ECE, 0x0ECE,
        0x170D, 0x170D, 0x1715, 0x171F, 0x180F, 0x180F, 0x1878, 0x1878,
        0x1ABF, 0x1ACE, 0x1B4C, 0x1B4F, 0x1B7D, 0x1B7F, 0x1C89, 0x1CBF,
        0x1CF7, 0x1CF7, 0x1CFA, 0x1CFA, 0x1DF6, 0x1DFA, 0x20BF, 0x20C0,
        0x23FF, 0x23FF, 0x2427, 0x2429, 0x2B97, 0x2B97, 0x2BBA, 0x2BBC,
        0x2BC9, 0x2BC9, 0x2BD2, 0x2BEB, 0x2BF0, 0x2BFF, 0x2C2F, 0x2C2F,
        0x2C5F, 0x2C5F, 0x2E45, 0x2E5D, 0x2FFC, 0x2FFF, 0x312E, 0x312F,
        0x31BB, 0x31BF, 0x31E4, 0x31EF, 0x32FF, 0x32FF, 0x4DB6, 0x4DBF,
        0x9FD6, 0x9FFF, 0xA7AF, 0xA7AF, 0xA7B8, 0xA7F6, 0xA82C, 0xA82C,
        0xA8FE, 0xA8FF, 0xAB66, 0xAB6B, 0xFBC2, 0xFBC2, 0xFD40, 0xFD4F,
        0xFDCF, 0xFDCF, 0xFDFE, 0xFDFF, 0x1019C, 0x1019C, 0x1032D, 0x1032F,
        0x10780, 0x107BA, 0x10A34, 0x10A35, 0x10A48, 0x10A48, 0x10EC2, 0x10EFF,
        0x11070, 0x11075, 0x110C2, 0x110CD, 0x11144, 0x11147, 0x111CE, 0x111CF,
        0x1123F, 0x11241, 0x1133B, 0x1133B, 0x1145A, 0x1145A, 0x1145E, 0x11461,
        0x116B8, 0x116B9, 0x116D0, 0x116E3, 0x1171A, 0x1171A, 0x11740, 0x11746,
        0x11AB0, 0x11ABF, 0x11B00, 0x11B09, 0x11FB0, 0x11FFF, 0x1342F, 0x143FA,
        0x16F45, 0x16F4F, 0x16F7F, 0x16F87, 0x16FE2, 0x16FF1, 0x187ED, 0x187F7,
        0x18AF3, 0x1AFFE, 0x1B002, 0x1B167, 0x1CC00, 0x1CFC3, 0x1D1E9, 0x1D1EA,
        0x1D2C0, 0x1D2F3, 0x1D372, 0x1D378, 0x1DF00, 0x1DF2A, 0x1E030, 0x1E7FE,
        0x1E94B, 0x1E94B, 0x1EC71, 0x1ED3D, 0x1F10D, 0x1F10F, 0x1F12F, 0x1F12F,
        0x1F16C, 0x1F16F, 0x1F1AD, 0x1F1AD, 0x1F260, 0x1F265, 0x1F6D3, 0x1F6DF,
        0x1F6F7, 0x1F6FC, 0x1F774, 0x1F77F, 0x1F7D5, 0x1F7F0, 0x1F8B0, 0x1F90F,
        0x1F91F, 0x1F91F, 0x1F928, 0x1F92F, 0x1F931, 0x1F932, 0x1F93F, 0x1F93F,
        0x1F94C, 0x1F94F, 0x1F95F, 0x1F97F, 0x1F992, 0x1F9BF, 0x1F9C1, 0x1FBF9,
        0x2A6D7, 0x2A6DF, 0x2B735, 0x2B739, 0x2CEB0, 0x2EE5D, 0x30000, 0x323AF
    };

    private Scripts() {}

    /** The script id of {@code c} ({@link UnicodeScript} ordinal, Kana merged into Han), or {@link #ANY}. */
    static int of(int c) {
        if (c == ' ') {
            return ANY;
        }
        if (c == 0x30FC) {
            return HAN;
        }
        if (CodePointRanges.contains(LATER, c)) {
            return ANY;
        }
        // Script_Extensions-era changes since Unicode 9.0: HF keeps the old assignments.
        if (c == 0x0589 || c == 0x061C) {
            return UnicodeScript.COMMON.ordinal();
        }
        if (c == 0x0953 || c == 0x0954) {
            return UnicodeScript.DEVANAGARI.ordinal();
        }
        UnicodeScript script = UnicodeScript.of(c);
        if (!KNOWN.contains(script)) {
            return ANY;
        }
        if (script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA) {
            return HAN;
        }
        return script.ordinal();
    }
}
