package dev.tokensmith.core.format;

import dev.tokensmith.core.text.OnigRegex;
import java.util.regex.Pattern;

/**
 * The Oniguruma regexes of tokenizer.json (HF compiles them with Oniguruma's default syntax, UTF-8, no
 * options) as {@link Pattern}s that match the same text: see {@link OnigRegex}, which does the translation.
 */
public final class Oniguruma {
    private Oniguruma() {}

    /** The Java pattern for an Oniguruma regex; throws {@link java.util.regex.PatternSyntaxException}. */
    public static Pattern compile(String regex) {
        return OnigRegex.compile(regex);
    }

    /** The Java regex source for an Oniguruma regex (to be compiled with {@link OnigRegex#FLAGS}). */
    public static String toJava(String regex) {
        return OnigRegex.translate(regex);
    }
}
