package dev.tokensmith.core.pretokenizer;

/**
 * When {@link Metaspace} prepends its replacement character to a split. The Metaspace decoder ({@link
 * dev.tokensmith.core.decoder.Metaspace}) takes the same scheme: unless {@link #NEVER}, it drops the replacement
 * characters of the first token instead of turning them into spaces.
 */
public enum PrependScheme {
    /** To every split that does not start with it. */
    ALWAYS("always"),
    /** Only to a split that starts the input (original offset 0). */
    FIRST("first"),
    /** Never. */
    NEVER("never");

    private final String jsonName;

    PrependScheme(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in tokenizer.json. */
    public String jsonName() {
        return jsonName;
    }

    /** Parses a tokenizer.json name, or returns null when unknown. */
    public static PrependScheme fromJson(String name) {
        for (PrependScheme s : values()) {
            if (s.jsonName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
