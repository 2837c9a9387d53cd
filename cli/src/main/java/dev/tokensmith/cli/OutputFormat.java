package dev.tokensmith.cli;

import dev.tokensmith.core.Encoding;

/** What {@code encode} prints for an encoding. */
enum OutputFormat {
    /** The ids separated by spaces (with {@code --lines}: a JSON array of ids per line). */
    ids,
    /** The token strings as a JSON array. */
    tokens,
    /** A JSON object: ids, tokens and code-point offsets into the input. */
    json,
    /** Only the total number of tokens. */
    count;

    /**
     * One encoding of {@code text} as one line (without the newline). {@code lines} is whether this is one line
     * of {@code --lines} output, where ids are a JSON array.
     */
    String render(Encoding e, String text, boolean lines) {
        StringBuilder sb = new StringBuilder(8 * e.size() + 16);
        switch (this) {
            case ids -> {
                if (lines) {
                    JsonText.ints(sb, e.ids());
                } else {
                    for (int i = 0; i < e.size(); i++) {
                        if (i > 0) {
                            sb.append(' ');
                        }
                        sb.append(e.idAt(i));
                    }
                }
            }
            case tokens -> JsonText.strings(sb, e.tokens());
            case json -> {
                sb.append("{\"ids\":");
                JsonText.ints(sb, e.ids());
                sb.append(",\"tokens\":");
                JsonText.strings(sb, e.tokens());
                sb.append(",\"offsets\":[");
                int[] offsets = e.codePointOffsets(text);
                for (int i = 0; i < e.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append('[')
                            .append(offsets[2 * i])
                            .append(',')
                            .append(offsets[2 * i + 1])
                            .append(']');
                }
                sb.append("]}");
            }
            case count -> sb.append(e.size());
        }
        return sb.toString();
    }
}
