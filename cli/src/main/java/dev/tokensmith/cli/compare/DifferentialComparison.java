package dev.tokensmith.cli.compare;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/**
 * Encodes each input with both tokenizers, with and without special tokens, and compares ids, token strings,
 * offsets, and the decoded text of the ids (keeping and skipping special tokens). Reports the first difference
 * and how many inputs differ.
 */
public final class DifferentialComparison {
    private static final int WINDOW = 2;

    private DifferentialComparison() {}

    public static ComparisonResult run(List<String> inputs, ComparedTokenizer ours, ComparedTokenizer reference) {
        long tokens = 0;
        int mismatching = 0;
        Mismatch first = null;
        for (int i = 0; i < inputs.size(); i++) {
            String text = inputs.get(i);
            Mismatch m = null;
            for (boolean special : new boolean[] {false, true}) {
                Tokenization a;
                Tokenization b;
                try {
                    b = reference.encode(text, special);
                } catch (RuntimeException e) {
                    m = new Mismatch(i, special, "error", -1, "(not run)", "failed: " + e);
                    break;
                }
                try {
                    a = ours.encode(text, special);
                } catch (RuntimeException e) {
                    m = new Mismatch(i, special, "error", -1, "failed: " + e, "ok");
                    break;
                }
                if (!special) {
                    tokens += b.size();
                }
                m = compareEncodings(i, special, a, b);
                if (m == null) {
                    m = compareDecoding(i, special, a.ids(), ours, reference);
                }
                if (m != null) {
                    break;
                }
            }
            if (m != null) {
                mismatching++;
                if (first == null) {
                    first = m;
                }
            }
        }
        return new ComparisonResult(inputs.size(), tokens, mismatching, first);
    }

    static Mismatch compareEncodings(int input, boolean special, Tokenization a, Tokenization b) {
        int n = Math.min(a.size(), b.size());
        for (int k = 0; k < n; k++) {
            if (a.ids()[k] != b.ids()[k]) {
                return new Mismatch(input, special, "ids", k, window(a, k), window(b, k));
            }
        }
        if (a.size() != b.size()) {
            return new Mismatch(input, special, "ids", n, window(a, n), window(b, n));
        }
        for (int k = 0; k < n; k++) {
            if (!a.tokens()[k].equals(b.tokens()[k])) {
                return new Mismatch(input, special, "tokens", k, window(a, k), window(b, k));
            }
        }
        for (int k = 0; k < n; k++) {
            if (a.hasOffsets(k)
                    && b.hasOffsets(k)
                    && (a.offsets()[2 * k] != b.offsets()[2 * k] || a.offsets()[2 * k + 1] != b.offsets()[2 * k + 1])) {
                return new Mismatch(input, special, "offsets", k, window(a, k), window(b, k));
            }
        }
        return null;
    }

    private static Mismatch compareDecoding(
            int input, boolean special, int[] ids, ComparedTokenizer ours, ComparedTokenizer reference) {
        for (boolean skip : new boolean[] {false, true}) {
            String aspect = skip ? "decode (skip special tokens)" : "decode";
            String b;
            try {
                b = reference.decode(ids, skip);
            } catch (RuntimeException e) {
                return new Mismatch(input, special, aspect, -1, "(not run)", "failed: " + e);
            }
            String a;
            try {
                a = ours.decode(ids, skip);
            } catch (RuntimeException e) {
                return new Mismatch(input, special, aspect, -1, "failed: " + e, "ok");
            }
            if (!a.equals(b)) {
                int at = firstDifference(a, b);
                return new Mismatch(input, special, aspect, a.codePointCount(0, at), excerpt(a, at), excerpt(b, at));
            }
        }
        return null;
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int k = 0;
        while (k < n && a.charAt(k) == b.charAt(k)) {
            k++;
        }
        // Never report the middle of a surrogate pair.
        return k > 0 && Character.isHighSurrogate(a.charAt(k - 1)) ? k - 1 : k;
    }

    /** Tokens around {@code k}: {@code [k] id "token" (start, end)}, two on each side. */
    static String window(Tokenization t, int k) {
        StringBuilder sb = new StringBuilder();
        int from = Math.max(0, k - WINDOW);
        int to = Math.min(t.size(), k + WINDOW + 1);
        for (int i = from; i < to; i++) {
            if (!sb.isEmpty()) {
                sb.append("  ");
            }
            if (i == k) {
                sb.append('>');
            }
            sb.append('[').append(i).append("] ").append(t.ids()[i]).append(' ');
            quote(sb, t.tokens()[i]);
            if (t.hasOffsets(i)) {
                sb.append(" (")
                        .append(t.offsets()[2 * i])
                        .append(", ")
                        .append(t.offsets()[2 * i + 1])
                        .append(')');
            }
        }
        if (k >= t.size()) {
            sb.append(sb.isEmpty() ? "" : "  ")
                    .append(">[")
                    .append(k)
                    .append("] (end: ")
                    .append(t.size());
            sb.append(" tokens)");
        }
        return sb.toString();
    }

    private static String excerpt(String s, int at) {
        int from = Math.max(0, at - 20);
        int to = Math.min(s.length(), at + 20);
        if (from > 0 && Character.isLowSurrogate(s.charAt(from))) {
            from--;
        }
        if (to < s.length() && Character.isLowSurrogate(s.charAt(to))) {
            to++;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(from > 0 ? "..." : "");
        quote(sb, s.substring(from, to));
        return sb.append(to < s.length() ? "..." : "").toString();
    }

    /** {@code s} as a JSON string: quotes, backslashes and control characters escaped, the rest as is. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }

    /** {@code text} quoted with escapes, cut after {@code max} code points. */
    public static String abbreviate(String text, int max) {
        int n = text.codePointCount(0, text.length());
        int cut = n <= max ? text.length() : text.offsetByCodePoints(0, max);
        StringBuilder sb = new StringBuilder();
        quote(sb, text.substring(0, cut));
        return cut < text.length() ? sb.append("...").toString() : sb.toString();
    }
}
