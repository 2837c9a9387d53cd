package dev.tokensmith.transplant.align;

/** Canonical bytes written for people: text with invisible characters escaped, invalid UTF-8 as {@code \xNN}. */
final class Visible {
    private Visible() {}

    static String bytes(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length + 8);
        int i = 0;
        while (i < b.length) {
            int len = sequenceLength(b, i);
            if (len == 0) {
                sb.append(String.format("\\x%02X", b[i] & 0xFF));
                i++;
                continue;
            }
            String s = new String(b, i, len, java.nio.charset.StandardCharsets.UTF_8);
            int cp = s.codePointAt(0);
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    int type = Character.getType(cp);
                    boolean invisible = cp != ' '
                            && (type == Character.CONTROL
                                    || type == Character.FORMAT
                                    || type == Character.SPACE_SEPARATOR
                                    || type == Character.LINE_SEPARATOR
                                    || type == Character.PARAGRAPH_SEPARATOR
                                    || type == Character.UNASSIGNED
                                    || type == Character.PRIVATE_USE);
                    if (invisible) {
                        sb.append(String.format("\\u{%X}", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
            i += len;
        }
        return sb.toString();
    }

    /** The length of the valid UTF-8 sequence at {@code i}, or 0 when the bytes there are not one. */
    static int sequenceLength(byte[] b, int i) {
        int c = b[i] & 0xFF;
        int len;
        int min;
        if (c < 0x80) {
            return 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + len > b.length) {
            return 0;
        }
        int cp = c & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) {
            int x = b[i + k] & 0xFF;
            if ((x & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (x & 0x3F);
        }
        boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        return cp < min || cp > 0x10FFFF || surrogate ? 0 : len;
    }
}
