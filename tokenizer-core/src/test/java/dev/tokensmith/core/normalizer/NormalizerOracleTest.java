package dev.tokensmith.core.normalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every normalizer against HF tokenizers (DJL's binding) on random text (fixed seed) drawn from the scripts and
 * symbols where normalizers differ: Latin with accents, combining marks of all classes, Greek, Cyrillic, Hebrew,
 * Arabic, Indic, Thai, Tibetan, Hangul syllables and jamo, compatibility characters, CJK, emoji, astral letters,
 * plus any code point at all.
 */
class NormalizerOracleTest {
    private static final int[][] RANGES = {
        {0x20, 0x7E},
        {0xA0, 0x24F},
        {0x250, 0x2FF},
        {0x300, 0x36F},
        {0x370, 0x3FF},
        {0x400, 0x4FF},
        {0x591, 0x5C7},
        {0x600, 0x6FF},
        {0x900, 0x97F},
        {0x980, 0x9FF},
        {0xE00, 0xE7F},
        {0xF00, 0xFFF},
        {0x1100, 0x11FF},
        {0x1DC0, 0x1DFF},
        {0x1E00, 0x1EFF},
        {0x1F00, 0x1FFF},
        {0x2000, 0x206F},
        {0x2070, 0x218F},
        {0x20D0, 0x20F0},
        {0x2460, 0x24FF},
        {0x3000, 0x30FF},
        {0x3130, 0x33FF},
        {0x4E00, 0x4E40},
        {0xAC00, 0xAC40},
        {0xF900, 0xFAFF},
        {0xFB00, 0xFB4F},
        {0xFE70, 0xFEFF},
        {0xFF00, 0xFFEF},
        {0x1D15E, 0x1D1C0},
        {0x1D400, 0x1D7FF},
        {0x1F100, 0x1F1FF},
        {0x1F600, 0x1F64F},
        {0x2F800, 0x2FA1F}
    };

    private static List<String> randomTexts(int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        while (out.size() < count) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + r.nextInt(8);
            for (int i = 0; i < length; i++) {
                int c;
                if (r.nextInt(4) > 0) {
                    int[] range = RANGES[r.nextInt(RANGES.length)];
                    c = range[0] + r.nextInt(range[1] - range[0] + 1);
                } else {
                    c = r.nextInt(0x32000);
                }
                if (Character.isDefined(c) && Character.getType(c) != Character.SURROGATE) {
                    sb.appendCodePoint(c);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void unicodeFormsMatchHf() {
        List<String> texts = randomTexts(1500, 1);
        for (Normalizer n : List.of(new Nfc(), new Nfd(), new Nfkc(), new Nfkd())) {
            Normalized.matchesHf(n, texts);
        }
    }

    @Test
    void characterClassNormalizersMatchHf() {
        List<String> texts = randomTexts(1500, 2);
        for (Normalizer n : List.of(
                new StripAccents(),
                BertNormalizer.defaults(),
                new BertNormalizer(true, true, true, false),
                new Lowercase(),
                new Nmt(),
                new ByteLevel(),
                new Sequence(List.of(new Nfkd(), new StripAccents(), new Lowercase())))) {
            Normalized.matchesHf(n, texts);
        }
    }

    @Test
    void precompiledMatchesHf() {
        Precompiled p = new Precompiled(new CharsmapBuilder()
                .rule("\u00C5", "A\u030A")
                .rule("A\u030A", "\u00C5")
                .rule("e\u0301", "é")
                .rule("\u3000", " ")
                .rule("\u2460", "1")
                .rule("\uFB01", "fi")
                .rule("\u200B", "")
                .rule("\u0300", "")
                .rule("\u1100\u1161", "가")
                .rule("\uAC00", "\u1100\u1161")
                .rule("\uD83D\uDE00", ":-)")
                .build());
        Normalized.matchesHf(p, randomTexts(1500, 3));
    }
}
