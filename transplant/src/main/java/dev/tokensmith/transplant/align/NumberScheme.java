package dev.tokensmith.transplant.align;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a tokenizer splits numbers, found by encoding numbers of 1 to 12 digits: into single digits, into fixed
 * groups of up to {@code groupSize} digits from the left or from the right, or into whole-number tokens where its
 * vocabulary has them and learned pieces elsewhere. Models transplanted between schemes lose arithmetic first
 * (the OMP paper), so an alignment report warns where the two sides differ.
 *
 * <pre>{@code
 * NumberScheme s = NumberScheme.probe(CanonicalVocab.of(Tokenizers.load("cl100k_base")));
 * // FIXED_GROUPS, groupSize 3, LEFT_TO_RIGHT; example "1234567 → 123|456|7"
 * }</pre>
 *
 * @param kind the scheme
 * @param groupSize digits per group (1 for single digits; for whole numbers, the most digits seen in one token)
 * @param direction where groups start (fixed groups only; else null)
 * @param wholeUpTo the largest n such that every probed number of up to n digits was one token
 * @param longestNumberToken the most digits of any all-digit token in the vocabulary
 * @param example how {@code 1234567} splits, e.g. {@code "123|456|7"}
 */
public record NumberScheme(
        Kind kind, int groupSize, Direction direction, int wholeUpTo, int longestNumberToken, String example) {

    /** The probed number lengths. */
    static final int MAX_DIGITS = 12;

    private static final int PER_LENGTH = 8;
    private static final String EXAMPLE = "1234567";

    public enum Kind {
        SINGLE_DIGITS("single digits"),
        FIXED_GROUPS("fixed groups"),
        WHOLE_NUMBERS("whole-number tokens (learned)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Direction {
        LEFT_TO_RIGHT,
        RIGHT_TO_LEFT
    }

    /** One line for reports, e.g. {@code "groups of up to 3, left to right (1234567 → 123|456|7)"}. */
    public String describe() {
        String d = switch (kind) {
            case SINGLE_DIGITS -> "single digits";
            case FIXED_GROUPS ->
                "groups of up to " + groupSize + ", "
                        + (direction == Direction.LEFT_TO_RIGHT ? "left to right" : "right to left");
            case WHOLE_NUMBERS ->
                "whole-number tokens (numbers of up to " + wholeUpTo + " digits are one token; longest number token "
                        + longestNumberToken + " digits)";
        };
        return d + " (" + EXAMPLE + " → " + example + ")";
    }

    /** Whether a model moved from this scheme to {@code other} sees numbers cut differently. */
    public boolean differsFrom(NumberScheme other) {
        if (kind != other.kind) {
            return true;
        }
        return kind == Kind.FIXED_GROUPS && (groupSize != other.groupSize || direction != other.direction);
    }

    /** Probes the tokenizer behind {@code vocab}. */
    public static NumberScheme probe(CanonicalVocab vocab) {
        List<String> numbers = probeNumbers();
        List<int[]> splits = new ArrayList<>(numbers.size());
        for (String n : numbers) {
            splits.add(digitGroups(vocab, n));
        }
        int wholeUpTo = 0;
        for (int len = 1; len <= MAX_DIGITS; len++) {
            boolean allWhole = true;
            for (int i = 0; i < numbers.size(); i++) {
                if (numbers.get(i).length() == len && splits.get(i).length != 1) {
                    allWhole = false;
                }
            }
            if (!allWhole) {
                break;
            }
            wholeUpTo = len;
        }
        int longest = longestNumberToken(vocab);
        String example = render(EXAMPLE, digitGroups(vocab, EXAMPLE));
        int maxGroup = 0;
        for (int[] g : splits) {
            for (int x : g) {
                maxGroup = Math.max(maxGroup, x);
            }
        }
        if (maxGroup == 1) {
            return new NumberScheme(Kind.SINGLE_DIGITS, 1, null, wholeUpTo, longest, example);
        }
        if (allMatch(numbers, splits, maxGroup, true)) {
            return new NumberScheme(Kind.FIXED_GROUPS, maxGroup, Direction.LEFT_TO_RIGHT, wholeUpTo, longest, example);
        }
        if (allMatch(numbers, splits, maxGroup, false)) {
            return new NumberScheme(Kind.FIXED_GROUPS, maxGroup, Direction.RIGHT_TO_LEFT, wholeUpTo, longest, example);
        }
        return new NumberScheme(Kind.WHOLE_NUMBERS, maxGroup, null, wholeUpTo, longest, example);
    }

    /** Eight numbers of each length 1..12, the same on every run; no leading zeros. */
    static List<String> probeNumbers() {
        SplittableRandom random = new SplittableRandom(0x5EED_1234L);
        List<String> out = new ArrayList<>();
        for (int len = 1; len <= MAX_DIGITS; len++) {
            for (int k = 0; k < PER_LENGTH; k++) {
                StringBuilder sb = new StringBuilder(len);
                sb.append((char) ('1' + random.nextInt(9)));
                for (int i = 1; i < len; i++) {
                    sb.append((char) ('0' + random.nextInt(10)));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** The digits per token when {@code number} is encoded alone (tokens without digits left out). */
    static int[] digitGroups(CanonicalVocab vocab, String number) {
        int[] ids = vocab.tokenizer().encodeIds(number, false);
        List<Integer> groups = new ArrayList<>();
        for (int id : ids) {
            byte[] b = vocab.has(id) ? vocab.bytesUnsafe(id) : new byte[0];
            int digits = 0;
            for (byte x : b) {
                if (x >= '0' && x <= '9') {
                    digits++;
                }
            }
            if (digits > 0) {
                groups.add(digits);
            }
        }
        return groups.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean allMatch(List<String> numbers, List<int[]> splits, int k, boolean leftToRight) {
        for (int i = 0; i < numbers.size(); i++) {
            int len = numbers.get(i).length();
            if (!java.util.Arrays.equals(splits.get(i), fixedGroups(len, k, leftToRight))) {
                return false;
            }
        }
        return true;
    }

    static int[] fixedGroups(int len, int k, boolean leftToRight) {
        int n = (len + k - 1) / k;
        int[] g = new int[n];
        java.util.Arrays.fill(g, k);
        int rest = len - (n - 1) * k;
        g[leftToRight ? n - 1 : 0] = rest;
        return g;
    }

    private static String render(String number, int[] groups) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int g : groups) {
            if (at > 0) {
                sb.append('|');
            }
            sb.append(number, at, Math.min(number.length(), at + g));
            at += g;
        }
        return sb.toString();
    }

    private static int longestNumberToken(CanonicalVocab vocab) {
        int longest = 0;
        for (int id = 0; id < vocab.idLimit(); id++) {
            if (!vocab.has(id) || vocab.isSpecial(id)) {
                continue;
            }
            byte[] b = vocab.bytesUnsafe(id);
            int from = b.length > 1 && b[0] == ' ' ? 1 : 0;
            boolean digits = b.length > from;
            for (int i = from; i < b.length && digits; i++) {
                digits = b[i] >= '0' && b[i] <= '9';
            }
            if (digits) {
                longest = Math.max(longest, b.length - from);
            }
        }
        return longest;
    }
}
