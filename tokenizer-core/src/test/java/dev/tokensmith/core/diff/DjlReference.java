package dev.tokensmith.core.diff;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * HF tokenizers (Rust, through DJL's JNI binding) as the reference for tokenizer.json files.
 *
 * <p>Built without truncation or padding, whatever the file says. DJL's character spans come from Rust's
 * {@code encode_char_offsets}, i.e. code-point indices; they are converted to UTF-16 indices here. Tokens the
 * post-processor adds have no span in DJL and get (0, 0), as HF's {@code offsets} reports them.
 *
 * <p>Unpaired surrogates are replaced by U+FFFD before the text reaches DJL: DJL hands Java strings to Rust as
 * modified UTF-8, and on an unpaired surrogate its JNI layer falls back to a lossy decoding of the whole string
 * (every supplementary character becomes U+FFFD runs). Tokensmith documents that it encodes an unpaired surrogate
 * as U+FFFD, so HF on the replaced text is the reference for that behaviour.
 */
public final class DjlReference implements ReferenceTokenizer, AutoCloseable {
    static {
        // DJL pings a tracking endpoint on first use unless told not to; tests must not reach out.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }

    private final String name;
    private final HuggingFaceTokenizer tokenizer;

    private DjlReference(String name, HuggingFaceTokenizer tokenizer) {
        this.name = name;
        this.tokenizer = tokenizer;
    }

    /** Loads a tokenizer.json file; {@code name} is used in reports (as {@code djl:name}). */
    public static DjlReference load(String name, Path tokenizerJson) {
        Map<String, String> options = Map.of(
                "truncation", "false",
                "padding", "false",
                "addSpecialTokens", "true",
                "withOverflowingTokens", "false");
        try {
            return new DjlReference(name, HuggingFaceTokenizer.newInstance(tokenizerJson, options));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + tokenizerJson, e);
        }
    }

    @Override
    public String name() {
        return "djl:" + name;
    }

    @Override
    public Encoded encode(String text, boolean addSpecialTokens) {
        if (firstUnpairedSurrogate(text) >= 0) {
            text = replaceUnpairedSurrogates(text);
        }
        Encoding e = tokenizer.encode(text, addSpecialTokens, false);
        long[] longIds = e.getIds();
        int[] ids = new int[longIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Math.toIntExact(longIds[i]);
        }
        return new Encoded(ids, utf16Offsets(text, e.getCharTokenSpans()), e.getTokens());
    }

    /** Code-point spans as UTF-16 offsets; a missing span (added special token) is (0, 0). */
    static int[] utf16Offsets(String text, CharSpan[] spans) {
        int[] cpToUtf16 = text.length() == text.codePointCount(0, text.length()) ? null : codePointStarts(text);
        int[] out = new int[2 * spans.length];
        for (int i = 0; i < spans.length; i++) {
            CharSpan s = spans[i];
            if (s == null) {
                continue;
            }
            out[2 * i] = cpToUtf16 == null ? s.getStart() : cpToUtf16[s.getStart()];
            out[2 * i + 1] = cpToUtf16 == null ? s.getEnd() : cpToUtf16[s.getEnd()];
        }
        return out;
    }

    /** UTF-16 index of every code point, plus the length at the end. */
    private static int[] codePointStarts(String text) {
        int[] starts = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            starts[cp++] = i;
        }
        starts[cp] = text.length();
        return starts;
    }

    static String replaceUnpairedSurrogates(String s) {
        StringBuilder b = new StringBuilder(s);
        int bad;
        while ((bad = firstUnpairedSurrogate(b.toString())) >= 0) {
            b.setCharAt(bad, '\uFFFD');
        }
        return b.toString();
    }

    /** Index of the first surrogate that is not half of a pair, or -1. */
    static int firstUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        long[] longIds = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longIds[i] = ids[i];
        }
        return tokenizer.decode(longIds, skipSpecialTokens);
    }

    /** The underlying DJL tokenizer, for measurements. */
    public HuggingFaceTokenizer djl() {
        return tokenizer;
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    @Override
    public String toString() {
        return name();
    }
}
