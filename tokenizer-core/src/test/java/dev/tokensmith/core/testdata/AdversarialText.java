package dev.tokensmith.core.testdata;

import dev.tokensmith.core.diff.LabeledText;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated inputs aimed at the places tokenizers get wrong: unpaired surrogates, controls, combining-mark stacks,
 * emoji sequences, megabyte runs of one character, endless words, every kind of line break and whitespace, digits
 * of many scripts, every Unicode general-category boundary, every BMP code point, samples of the other planes,
 * unassigned and private-use code points, noncharacters, BOMs, contractions and special-token look-alikes.
 *
 * <p>Each generator is a small method returning its texts; {@link #all()} labels them {@code generator#i}.
 * Deterministic (fixed seeds). Java's Unicode tables (Unicode 16 in Java 25) choose the boundaries and the
 * unassigned code points; the references may use older tables, which is part of what this probes.
 */
public final class AdversarialText {
    /** One megabyte (UTF-8) for the long runs. */
    static final int RUN_BYTES = 1_000_000;
    /** Length of the long words. */
    static final int WORD_CHARS = 100_000;

    private AdversarialText() {}

    /** Every generator's texts, labeled. */
    public static List<LabeledText> all() {
        List<LabeledText> out = small();
        add(out, "runs-1mb", oneMegabyteRuns());
        add(out, "long-words-100kb", longWords());
        return out;
    }

    /** Everything except the megabyte runs and 100 KB words: quick to run. */
    public static List<LabeledText> small() {
        List<LabeledText> out = new ArrayList<>();
        add(out, "empty-and-tiny", emptyAndTiny());
        add(out, "lone-surrogates", loneSurrogates());
        add(out, "controls", controls());
        add(out, "combining-marks", combiningMarks());
        add(out, "emoji", emoji());
        add(out, "line-breaks-and-tabs", lineBreaksAndTabs());
        add(out, "whitespace", whitespace());
        add(out, "invisible-formatting", invisibleFormatting());
        add(out, "numbers", numbers());
        add(out, "contractions", contractions());
        add(out, "special-token-lookalikes", specialTokenLookalikes());
        add(out, "mixed-scripts", mixedScripts());
        add(out, "category-boundaries", categoryBoundaries());
        add(out, "bmp-chunks", bmpChunks());
        add(out, "supplementary-samples", supplementarySamples());
        add(out, "unassigned", unassigned());
        add(out, "private-use", privateUse());
        add(out, "noncharacters", noncharacters());
        add(out, "bom", bom());
        return out;
    }

    private static void add(List<LabeledText> out, String name, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            out.add(new LabeledText(name + "#" + i, texts.get(i)));
        }
    }

    static List<String> emptyAndTiny() {
        return List.of("", " ", "  ", "\n", "a", "A", ".", "'", "0", "中", "😀", "\u00A0", "é", "e\u0301");
    }

    /** High alone, low alone, reversed pair, at the edges and inside words. */
    static List<String> loneSurrogates() {
        return List.of(
                "\uD800",
                "\uDC00",
                "a\uD800b",
                "a\uDFFFb",
                "\uDC00\uD800",
                "ab\uDC00\uD83D",
                "word \uD83D",
                "\uDE00 word",
                "x\uD83D\uD83D\uDE00y",
                "😀\uDE00😀",
                "\uD800\uD800\uD800 \uDC00\uDC00");
    }

    /** NUL and the C0 and C1 controls, alone, in runs and between letters. */
    static List<String> controls() {
        List<String> out = new ArrayList<>();
        out.add("\u0000");
        out.add("a\u0000b");
        out.add("\u0000".repeat(100));
        StringBuilder c0 = new StringBuilder("c0:");
        StringBuilder c0words = new StringBuilder();
        for (int c = 0; c < 0x20; c++) {
            c0.append((char) c);
            c0words.append("ab").append((char) c).append("cd ");
        }
        c0.append('\u007F');
        out.add(c0.toString());
        out.add(c0words.toString());
        StringBuilder c1 = new StringBuilder("c1:");
        StringBuilder c1words = new StringBuilder();
        for (int c = 0x80; c < 0xA0; c++) {
            c1.append((char) c);
            c1words.append("ab").append((char) c).append("cd ");
        }
        out.add(c1.toString());
        out.add(c1words.toString());
        out.add("line one\u0085line two\u0085\u0085end");
        out.add("escape \u001B[31mred\u001B[0m and bell\u0007 and backspace\b\b.");
        return out;
    }

    /** Stacks of combining marks, marks without a base, and text whose normalization forms differ. */
    static List<String> combiningMarks() {
        List<String> out = new ArrayList<>();
        out.add("e" + "\u0301".repeat(50));
        StringBuilder various = new StringBuilder("a");
        for (int m = 0x0300; m < 0x0332; m++) {
            various.appendCodePoint(m);
        }
        out.add(various + " b");
        out.add("\u0301abc");
        out.add("word \u0301\u0302 word");
        out.add("1\u20E3 2\u20E3");
        StringBuilder zalgo = new StringBuilder();
        SplittableRandom r = new SplittableRandom(7);
        for (char ch : "zalgo text is here".toCharArray()) {
            zalgo.append(ch);
            for (int i = 0; i < 10; i++) {
                zalgo.appendCodePoint(0x0300 + r.nextInt(0x70));
            }
        }
        out.add(zalgo.toString());
        out.add("café cafe\u0301 CAFÉ CAFE\u0301");
        out.add("Å \u212B A\u030A \u00C5");
        out.add("\u1100\u1161\u11A8 각 \u1100\u1161");
        out.add("ﬁ ﬂ ﬃ ㎏ ™ ½ ℌ ①");
        out.add("क्षत्रिय हिन्दी ষ্ঠ ஸ்ரீ");
        out.add("น้ำ ที่ ผู้หญิง");
        out.add("مُحَمَّد ٱلْعَرَبِيَّة");
        out.add("שָׁלוֹם עוֹלָם");
        out.add("Ǆ ǅ ǆ ǈ ß ẞ İ ı ŉ ΐ ﬀ");
        return out;
    }

    /** ZWJ sequences, flags, skin tones, keycaps, tag sequences, presentation selectors. */
    static List<String> emoji() {
        return List.of(
                "👨‍👩‍👧‍👦 family",
                "👩🏽‍💻 and 🧑🏿‍🚀",
                "🏳️‍🌈 🏴‍☠️",
                "🇫🇷🇺🇸🇯🇵🇩🇪",
                "🇫🇷🇺",
                "👍🏻👍🏼👍🏽👍🏾👍🏿",
                "1️⃣ #️⃣ *️⃣",
                "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland",
                "☺︎ ☺️ ❤ ❤️",
                "a😀b😃c",
                "😀😃😄😁😆😅🤣😂🙂🙃🫠😉😊😇",
                "emoji at end 🎉",
                "\u200D\u200D\uFE0F");
    }

    /** CRLF, CR and LF mixed, runs of them, and tab runs. */
    static List<String> lineBreaksAndTabs() {
        return List.of(
                "a\r\nb\rc\nd",
                "\r\n\r\n",
                "\n\n\n",
                "\r\r\r",
                "\n\r\n\r",
                "line \nline\n line\n \n",
                "trailing CRLF\r\n",
                "one\r\n\r\n\r\ntwo\n\n\nthree\r\r\rfour",
                "\t\t\tindented",
                "x\t\t\t",
                " \t \t \n\t ",
                "int main() {\r\n\treturn 0;\r\n}\r\n",
                "col1\tcol2\tcol3\nv1\t\tv3\n",
                "end\n");
    }

    /** Unicode White_Space code points. */
    static final int[] WHITE_SPACE = {
        0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x0020, 0x0085, 0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
        0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000
    };

    /** Each White_Space char alone, doubled and in runs between, before and after words; all of them mixed. */
    static List<String> whitespace() {
        List<String> out = new ArrayList<>();
        StringBuilder all = new StringBuilder("all:");
        for (int ws : WHITE_SPACE) {
            String w = Character.toString(ws);
            all.append(w).append('x');
            out.add("a" + w + "b " + "a" + w.repeat(2) + "b " + "a" + w.repeat(3) + "b" + w.repeat(17) + "c" + w + "."
                    + w + "1" + w);
            out.add(w.repeat(3) + "word" + w.repeat(4));
            out.add(w);
        }
        out.add(all.toString());
        StringBuilder mixed = new StringBuilder("mixed");
        for (int ws : WHITE_SPACE) {
            mixed.appendCodePoint(ws);
        }
        out.add(mixed.append("end").toString());
        out.add("a    b     c\n    d");
        return out;
    }

    /** Zero-width and bidi formatting characters, soft hyphens, variation selectors. */
    static List<String> invisibleFormatting() {
        return List.of(
                "zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word",
                "\u180Emongolian vowel separator\u180E",
                "soft\u00ADhyphen\u00AD",
                "bidi \u200Eltr\u200F \u202Aembed\u202C \u202Eoverride\u202C \u2066isolate\u2069",
                "variation \uFE00\uFE0F selectors",
                "word\u2061\u2062\u2063\u2064word",
                "\u115F\u1160\u3164 hangul fillers",
                "interlinear \uFFF9a\uFFFAb\uFFFB object \uFFFC replacement \uFFFD");
    }

    /** Long digit runs, decimals, and digits of other scripts. */
    static List<String> numbers() {
        return List.of(
                "1234567890".repeat(100),
                "7".repeat(1001),
                "3.14159 2.71828 -42 +7 1e10 1.5E-3 0x1F 0b1010 1_000_000 1,234,567.89 1.234.567,89",
                "pi=3.141592653589793238462643383279502884197169399375105820974944592307816406286",
                "١٢٣٤٥٦٧٨٩٠ ٣٫١٤ ۱۲۳۴۵۶۷۸۹۰",
                "०१२३४५६७८९ ০১২৩৪৫৬৭৮৯ ๐๑๒๓๔๕๖๗๘๙",
                "０１２３４５６７８９ １２３４５ ＡＢＣ",
                "x² y³ ¹²³ ½ ¾ ⅞ Ⅰ Ⅱ Ⅻ ⅻ ① ② ⑳ 𝟎𝟏𝟐𝟗 𒐀",
                "1st 2nd 3rd 4th 10am 5pm 100km/h 50%",
                "2024-01-31T23:59:59Z 12:00 192.168.0.1 +1-800-555-0199");
    }

    /** English contractions in every case and with other apostrophes (tiktoken patterns use (?i:...)). */
    static List<String> contractions() {
        List<String> out = new ArrayList<>();
        String[] words = {
            "it's", "IT'S", "It'S", "iT's", "we'll", "WE'LL", "We'Ll", "I'm", "I'M", "you're", "YOU'RE", "they've",
            "THEY'VE", "he'd", "HE'D", "don't", "DON'T", "Don'T", "o'clock", "rock'n'roll", "'s", "'S", "'ll", "'LL",
            "'t", "'re", "'ve", "'m", "'d", "''s", "'sss", "'llama", "'S's", "' s"
        };
        out.add(String.join(" ", words));
        out.add(String.join("", words));
        for (String apostrophe : new String[] {"’", "ʼ", "＇", "`"}) {
            out.add(String.join(" ", words).replace("'", apostrophe));
        }
        out.add("The cat's toy. THE CAT'S TOY. the cat’s toy. The cats' toys.");
        out.add("'s at start, end 's");
        return out;
    }

    /** Special tokens of the released tokenizers written as text, whole, partial, glued and spaced. */
    static List<String> specialTokenLookalikes() {
        return List.of(
                "<|endoftext|>",
                "hello<|endoftext|>world",
                " <|endoftext|> ",
                "<|endoftext|><|endoftext|>",
                "<|endoftext",
                "<|fim_prefix|>def f():<|fim_suffix|>\n<|fim_middle|>",
                "<|endofprompt|>",
                "<s> </s> <unk> <pad> <mask>",
                "<s>hello</s>",
                "[CLS] [SEP] [UNK] [PAD] [MASK]",
                "[CLS]hello[SEP]",
                "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>",
                "<EOT> <META> <META_START> <META_END> <SOS>",
                "<|im_start|>system\n<|im_end|>",
                "< |endoftext| > <| endoftext |>");
    }

    /** Scripts mixed without spaces, right-to-left text, CJK with punctuation. */
    static List<String> mixedScripts() {
        return List.of(
                "abcабвαβγ中文日本語한국어عربيעברית",
                "Hello, мир! こんにちは、世界。안녕하세요 세계! مرحبا بالعالم!",
                "東京都渋谷区、2024年1月31日（水）「テスト」…『引用』",
                "English العربية English עברית English",
                "ΑΒΓ αβγ ϐϑϕ Ωμέγα ΣΊΣΥΦΟΣ σίσυφος",
                "ǅemal İstanbul ISTANBUL ıi Iİ ǈǋ");
    }

    /**
     * For every code point where Java's general category changes, a few code points either side, between ASCII
     * letters and between spaces; 32 boundaries per text.
     */
    static List<String> categoryBoundaries() {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        int count = 0;
        int prev = Character.getType(0);
        for (int cp = 1; cp <= Character.MAX_CODE_POINT; cp++) {
            int type = Character.getType(cp);
            if (type == prev) {
                continue;
            }
            prev = type;
            if (Character.getType(cp) == Character.SURROGATE || Character.getType(cp - 1) == Character.SURROGATE) {
                continue;
            }
            StringBuilder seg = new StringBuilder();
            for (int c = Math.max(0, cp - 3); c < Math.min(Character.MAX_CODE_POINT + 1, cp + 3); c++) {
                if (!isSurrogate(c)) {
                    seg.appendCodePoint(c);
                }
            }
            b.append("ab").append(seg).append("cd ab ").append(seg).append(" cd\n");
            if (++count % 32 == 0) {
                out.add(b.toString());
                b.setLength(0);
            }
        }
        if (!b.isEmpty()) {
            out.add(b.toString());
        }
        return out;
    }

    /** Every BMP code point except surrogates, 256 consecutive code points per text. */
    static List<String> bmpChunks() {
        List<String> out = new ArrayList<>();
        for (int start = 0; start < 0x10000; start += 256) {
            if (start >= 0xD800 && start < 0xE000) {
                continue;
            }
            out.add(range(start, start + 256));
        }
        return out;
    }

    /** 256-code-point windows of the supplementary planes: scripts, symbols, emoji, CJK, tags, private use. */
    static List<String> supplementarySamples() {
        List<String> out = new ArrayList<>();
        for (int start = 0x10000; start < 0x1F000; start += 0x1000) {
            out.add(range(start, start + 256));
        }
        for (int start = 0x1F000; start < 0x1FB00; start += 256) {
            out.add(range(start, start + 256));
        }
        for (int start : new int[] {0x20000, 0x2A700, 0x2B740, 0x2F800, 0x30000, 0x31350, 0xE0000, 0xE0100}) {
            out.add(range(start, start + 256));
        }
        return out;
    }

    /** The first and last code point of every unassigned range (Java's tables), between letters; 64 per text. */
    static List<String> unassigned() {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        int n = 0;
        int cp = 0;
        while (cp <= Character.MAX_CODE_POINT) {
            if (Character.getType(cp) != Character.UNASSIGNED) {
                cp++;
                continue;
            }
            int end = cp;
            while (end + 1 <= Character.MAX_CODE_POINT && Character.getType(end + 1) == Character.UNASSIGNED) {
                end++;
            }
            b.append('x').appendCodePoint(cp).append("y ").appendCodePoint(end).append(' ');
            if (++n % 64 == 0) {
                out.add(b.toString());
                b.setLength(0);
            }
            cp = end + 1;
        }
        if (!b.isEmpty()) {
            out.add(b.toString());
        }
        return out;
    }

    /** Private-use code points of the BMP and planes 15 and 16, alone and inside words. */
    static List<String> privateUse() {
        return List.of(
                "\uE000 \uE001\uE002 a\uF8FFb",
                "x" + Character.toString(0xF0000) + "y " + Character.toString(0xFFFFD) + " "
                        + Character.toString(0x100000) + Character.toString(0x10FFFD),
                range(0xE000, 0xE040) + " " + range(0xF0000, 0xF0020));
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane. */
    static List<String> noncharacters() {
        List<String> out = new ArrayList<>();
        out.add("a" + range(0xFDD0, 0xFDF0) + "b");
        out.add("\uFFFE \uFFFF a\uFFFEb\uFFFFc");
        StringBuilder planes = new StringBuilder();
        for (int plane = 0; plane <= 16; plane++) {
            planes.append('p')
                    .append(plane)
                    .append(' ')
                    .appendCodePoint(plane * 0x10000 + 0xFFFE)
                    .appendCodePoint(plane * 0x10000 + 0xFFFF)
                    .append(' ');
        }
        out.add(planes.toString());
        return out;
    }

    /** Byte-order marks at the start, inside words and doubled. */
    static List<String> bom() {
        return List.of(
                "\uFEFFHello", "Hello\uFEFFworld", "\uFEFF\uFEFF", "\uFEFF", "line\n\uFEFFline", "\uFFFE\uFEFFx");
    }

    /** One megabyte (UTF-8) of a single repeated character, for several characters. */
    static List<String> oneMegabyteRuns() {
        List<String> out = new ArrayList<>();
        for (String s : new String[] {"a", " ", "\n", "é", "中", "7", "😀"}) {
            int utf8 = (int) ParityCorpus.utf8Length(s);
            out.add(s.repeat(RUN_BYTES / utf8));
        }
        return out;
    }

    /** 100,000-character words without spaces: random letters, letters and digits, a URL, a compound. */
    static List<String> longWords() {
        SplittableRandom r = new SplittableRandom(42);
        StringBuilder letters = new StringBuilder(WORD_CHARS);
        StringBuilder alnum = new StringBuilder(WORD_CHARS);
        String alnumChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < WORD_CHARS; i++) {
            letters.append((char) ('a' + r.nextInt(26)));
            alnum.append(alnumChars.charAt(r.nextInt(alnumChars.length())));
        }
        StringBuilder url = new StringBuilder("https://example.com/");
        while (url.length() < WORD_CHARS) {
            url.append("path").append(r.nextInt(1000)).append(r.nextBoolean() ? '/' : '.');
        }
        String compound = "Donaudampfschifffahrtsgesellschaftskapitän";
        return List.of(
                letters.toString(),
                alnum.toString(),
                url.toString(),
                compound.repeat(WORD_CHARS / compound.length()),
                "中文".repeat(WORD_CHARS / 2));
    }

    /** Code points {@code [from, to)} without surrogates. */
    private static String range(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int c = from; c < to; c++) {
            if (!isSurrogate(c)) {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    private static boolean isSurrogate(int cp) {
        return cp >= 0xD800 && cp <= 0xDFFF;
    }
}
