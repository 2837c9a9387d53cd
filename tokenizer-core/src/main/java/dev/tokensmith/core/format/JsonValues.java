package dev.tokensmith.core.format;

/** Readers for Rust value types that serde checks more strictly than a plain JSON type test. */
final class JsonValues {
    private JsonValues() {}

    /**
     * A {@code u32} (token id, type id). Ids above {@code Integer.MAX_VALUE}, which Rust would accept, are
     * refused: no vocabulary is that large.
     */
    static int u32(JsonField f) {
        long v = f.asLong();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw f.error("expected an id between 0 and " + Integer.MAX_VALUE + ", found " + v);
        }
        return (int) v;
    }

    /** A {@code usize} count, limited to Java's int range. */
    static int usize(JsonField f) {
        long v = f.asLong();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw f.error("expected a count between 0 and " + Integer.MAX_VALUE + ", found " + v);
        }
        return (int) v;
    }

    /** A Rust {@code char}: a string of exactly one code point. */
    static int codePoint(JsonField f) {
        String s = f.asString();
        if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
            throw f.error("expected a single character, found \"" + s + "\"");
        }
        return s.codePointAt(0);
    }

    /** Orders strings as Rust's {@code BTreeMap<String, _>} does: by UTF-8 bytes, i.e. by code points. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
