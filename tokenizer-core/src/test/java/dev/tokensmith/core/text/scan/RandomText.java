package dev.tokensmith.core.text.scan;

import java.util.SplittableRandom;

/**
 * Random strings over representatives of every class the split patterns tell apart, biased towards what makes
 * their alternatives compete: contraction letters in both cases after apostrophes, runs of spaces and line
 * breaks, letters of each case category next to marks, numbers of several scripts, surrogate pairs and lone
 * surrogates.
 */
final class RandomText {
    private RandomText() {}

    private static final String[] PIECES = {
        // contraction letters, both cases, and their case-fold partners
        "s",
        "t",
        "r",
        "e",
        "v",
        "m",
        "l",
        "d",
        "S",
        "T",
        "R",
        "E",
        "V",
        "M",
        "L",
        "D",
        "\u017F",
        "k",
        "\u212A",
        "'s",
        "'S",
        "'t",
        "'re",
        "'RE",
        "'ve",
        "'m",
        "'ll",
        "'Ll",
        "'d",
        "'\u017F",
        // other letters: Ll Lu Lt Lm Lo, Latin-1 and beyond
        "a",
        "x",
        "A",
        "Z",
        "\u00DF",
        "\u00E9",
        "\u0130",
        "\u0131",
        "\u1E9E",
        "\u01C5",
        "\u1F88",
        "\u02B0",
        "\u02BC",
        "\u3005",
        "\u05D0",
        "\u0627",
        "\u4E00",
        "\u0E01",
        "\u3042",
        // marks: Mn Mc Me, and one that folds (U+0345)
        "\u0301",
        "\u0345",
        "\u0903",
        "\u20DD",
        "\uFE0F",
        // numbers: Nd of several scripts, Nl, No
        "0",
        "1",
        "7",
        "\u0661",
        "\u0967",
        "\uFF11",
        "\u2164",
        "\u00BD",
        "\u00B2",
        "\u2460",
        // apostrophes and punctuation
        "'",
        "'",
        "\u2019",
        ".",
        ",",
        "!",
        "-",
        "/",
        "//",
        "?",
        "(",
        "\"",
        "#",
        "\u00B7",
        "\u2014",
        "$",
        "+",
        // white space
        " ",
        " ",
        " ",
        "  ",
        "   ",
        "\t",
        "\n",
        "\n",
        "\r",
        "\r\n",
        "\n\n",
        "\u000B",
        "\u000C",
        "\u00A0",
        "\u3000",
        "\u0085",
        "\u2028",
        "\u2029",
        "\u1680",
        "\u2003",
        "\u202F",
        // format characters that are not white space
        "\u200B",
        "\u200D",
        "\uFEFF",
        // supplementary: emoji, skin tone, Lu/Ll (math, Deseret), Lo (CJK ext B), Nd, No, marks, tags, Mc
        "\uD83D\uDE00",
        "\uD83C\uDFFB",
        "\uD835\uDC00",
        "\uD835\uDC1A",
        "\uD801\uDC00",
        "\uD801\uDC28",
        "\uD840\uDC00",
        "\uD835\uDFCE",
        "\uD800\uDD07",
        "\uDB40\uDD00",
        "\uDB40\uDC01",
        "\uD804\uDC00",
        "\uD83A\uDD00",
        "\uD81B\uDF51",
        // lone surrogates (two of them next to each other may pair up)
        "\uD800",
        "\uDBFF",
        "\uDC00",
        "\uDFFF"
    };

    /** A string of 1 to 16 pieces. */
    static String string(SplittableRandom random) {
        int n = 1 + random.nextInt(16);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
