package dev.tokensmith.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Compact JSON for the per-line outputs, written straight into a buffer (no tree per line). */
final class JsonText {
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private JsonText() {}

    static StringBuilder string(StringBuilder sb, String s) {
        sb.append('"');
        ENCODER.quoteAsString(s, sb);
        return sb.append('"');
    }

    static StringBuilder ints(StringBuilder sb, int[] values) {
        sb.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(values[i]);
        }
        return sb.append(']');
    }

    static StringBuilder strings(StringBuilder sb, String[] values) {
        sb.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(sb, values[i]);
        }
        return sb.append(']');
    }
}
