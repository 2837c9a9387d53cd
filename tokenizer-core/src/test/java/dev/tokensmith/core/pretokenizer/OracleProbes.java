package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.format.PreTokenizerJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Inputs and comparisons shared by the tests that hold our pre-tokenizers against HF's. */
final class OracleProbes {
    private OracleProbes() {}

    /** Every Unicode scalar value in order, cut into texts of about {@code units} UTF-16 units. */
    static List<String> allCodePoints(int units) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= 0xD800 && cp < 0xE000) {
                continue;
            }
            sb.appendCodePoint(cp);
            if (sb.length() >= units) {
                out.add(sb.toString());
                sb.setLength(0);
            }
        }
        out.add(sb.toString());
        return out;
    }

    /** Every code point {@code < dense}, then one in {@code step}, skipping surrogates and the oracle separator. */
    static List<Integer> sampledCodePoints(int dense, int step) {
        List<Integer> out = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += cp < dense ? 1 : step) {
            if ((cp >= 0xD800 && cp < 0xE000) || (cp >= 0xE000 && cp <= 0xE002)) {
                continue;
            }
            out.add(cp);
        }
        return out;
    }

    private static final int[] ALPHABET = (" \t\n\r  'sStTdDmMlLrReEvV-_.,!?;:\"()[]{}<>/\\|@#$%^&*+=~`0123456789aAzZ"
                    + "éÉßſKİıЖжαΩ中文字日本語かなカナー한국ا١٢۳߁ँक्षािे่ก\u0301\u200d\u200c\u00a0\u2028\u3000…。，、▁Ġ²½")
            .codePoints()
            .toArray();
    private static final int[] RARE = {
        0x1F600, 0x1F44D, 0x1F3FD, 0x20000, 0x10400, 0x1D11E, 0xFE0F, 0x85, 0x2E43, 0x589, 0x166D, 0x11DE0, 0x1E9E,
        0x212A, 0x0560
    };

    /** Random texts mixing the characters the pre-tokenizers treat specially, with some random code points. */
    static List<String> randomTexts(long seed, int count) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = 1 + r.nextInt(i % 10 == 0 ? 200 : 30);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < length; j++) {
                int x = r.nextInt(100);
                int cp = x < 90
                        ? ALPHABET[r.nextInt(ALPHABET.length)]
                        : x < 95 ? RARE[r.nextInt(RARE.length)] : r.nextInt(0x30000);
                if (cp >= 0xD800 && cp <= 0xE002) {
                    cp = 'x';
                }
                sb.appendCodePoint(cp);
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Texts (described with their code points) whose splits differ between HF and {@code ours}. */
    static List<String> mismatches(HfOracle hf, PreTokenizer ours, List<String> texts) {
        List<String> bad = new ArrayList<>();
        for (String t : texts) {
            List<String> expected = SplitsOf.describe(hf.splits(t));
            List<String> actual = SplitsOf.run(ours, t).describedOffsets();
            if (!expected.equals(actual)) {
                bad.add(describe(t) + ": HF " + firstDifference(expected, actual));
            }
        }
        return bad;
    }

    /** As {@link #mismatches}, each probe pre-tokenized alone (see {@link HfOracle#separated}). */
    static List<String> mismatchesEach(HfOracle hf, PreTokenizer ours, List<String> probes) {
        List<List<int[]>> all = hf.splitsEach(probes);
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            List<String> expected = SplitsOf.describe(all.get(i));
            List<String> actual = SplitsOf.run(ours, probes.get(i)).describedOffsets();
            if (!expected.equals(actual)) {
                bad.add(describe(probes.get(i)) + ": HF " + expected + " ours " + actual);
            }
        }
        return bad;
    }

    static String json(PreTokenizer p) {
        return PreTokenizerJson.write(p).toString();
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "nothing";
            String a = i < actual.size() ? actual.get(i) : "nothing";
            if (!e.equals(a)) {
                return "split " + i + " " + e + ", ours " + a;
            }
        }
        return "same";
    }

    private static String describe(String text) {
        if (text.length() > 40) {
            int cp = text.codePointAt(0);
            return "[" + text.length() + " units from U+"
                    + Integer.toHexString(cp).toUpperCase() + "]";
        }
        StringBuilder sb = new StringBuilder("[");
        text.codePoints().forEach(c -> sb.append(sb.length() > 1 ? " " : "").append(Integer.toHexString(c)));
        return sb.append(']').toString();
    }
}
