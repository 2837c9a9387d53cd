package dev.tokensmith.cli.compare;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import dev.tokensmith.core.diff.ReferenceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * HF tokenizers (Rust) through DJL's JNI binding: the reference for {@code compare}, and the HF column of {@code
 * bench encode}. Loaded with truncation and padding off, so it encodes whole texts like the CLI does. Callers
 * check that DJL is on the class path ({@link ReferenceLoader#DJL_CLASS}) before touching this class.
 *
 * <p>DJL reports code-point spans (Rust's {@code encode_char_offsets}); they are converted to UTF-16 offsets, as
 * {@link ReferenceTokenizer} wants them, and a token without a span (added by the post-processor) gets (0, 0), as
 * HF's {@code offsets} reports it. Unpaired surrogates become U+FFFD before the text reaches DJL: its JNI layer
 * passes strings as modified UTF-8 and, on an unpaired surrogate, decodes the whole string lossily. Tokensmith
 * documents that it encodes an unpaired surrogate as U+FFFD, so HF on the replaced text is the reference.
 */
public final class DjlTokenizer implements ReferenceTokenizer, AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private DjlTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * HF tokenizers on {@code tokenizerJson}.
     *
     * @throws ReferenceUnavailableException when DJL's native library does not load
     * @throws IOException when HF cannot read the file
     */
    public static DjlTokenizer open(Path tokenizerJson) throws IOException {
        // No network at run time: DJL would otherwise look up cloud metadata and send telemetry.
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // DJL logs through SLF4J; without a provider SLF4J warns on stderr about itself, which is noise here.
        setIfAbsent("slf4j.internal.verbosity", "ERROR");
        Map<String, String> options = Map.of(
                "truncation", "false",
                "padding", "false",
                "addSpecialTokens", "true",
                "withOverflowingTokens", "false");
        try {
            return new DjlTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, options));
        } catch (UnsatisfiedLinkError e) {
            throw new ReferenceUnavailableException(
                    "DJL's native HF tokenizers library did not load: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("HF tokenizers (via DJL) cannot read " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    @Override
    public String name() {
        return "HF tokenizers " + tokenizer.getVersion() + " (DJL)";
    }

    /**
     * The number of tokens HF encodes {@code text} to, without special tokens. With {@code idsOnly}, only the ids
     * come back from native code: DJL's JNI call straight, the cheapest way to ask HF from Java (and the same
     * result, since none of DJL's own text preparation is configured here); otherwise DJL's public {@code encode},
     * which also fetches every token's string, span and masks.
     */
    public int countTokens(String text, boolean idsOnly) {
        String sent = sendable(text);
        if (!idsOnly) {
            return tokenizer.encode(sent, false, false).getIds().length;
        }
        long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), sent, false);
        try {
            return TokenizersLibrary.LIB.getTokenIds(encoding).length;
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
    }

    @Override
    public Encoded encode(String text, boolean addSpecialTokens) {
        String sent = sendable(text);
        Encoding e = tokenizer.encode(sent, addSpecialTokens, false);
        long[] longIds = e.getIds();
        int[] ids = new int[longIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Math.toIntExact(longIds[i]);
        }
        // U+FFFD and a surrogate are both one UTF-16 unit, so offsets into the sent text are offsets into text.
        return new Encoded(ids, utf16Offsets(sent, e.getCharTokenSpans()), e.getTokens());
    }

    /** {@code text} as DJL can pass it to native code unchanged (see the class comment). */
    private static String sendable(String text) {
        return firstUnpairedSurrogate(text) < 0 ? text : replaceUnpairedSurrogates(text);
    }

    /** Code-point spans as UTF-16 offsets; a missing span (added special token) is (0, 0). */
    static int[] utf16Offsets(String text, CharSpan[] spans) {
        int[] starts = text.length() == text.codePointCount(0, text.length()) ? null : codePointStarts(text);
        int[] out = new int[2 * spans.length];
        for (int i = 0; i < spans.length; i++) {
            CharSpan s = spans[i];
            if (s != null) {
                out[2 * i] = starts == null ? s.getStart() : starts[s.getStart()];
                out[2 * i + 1] = starts == null ? s.getEnd() : starts[s.getEnd()];
            }
        }
        return out;
    }

    /** The UTF-16 index of every code point, then the length. */
    private static int[] codePointStarts(String text) {
        int[] starts = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            starts[cp++] = i;
        }
        starts[cp] = text.length();
        return starts;
    }

    /** {@code s} with every surrogate that is not half of a pair replaced by U+FFFD. */
    static String replaceUnpairedSurrogates(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                chars[i] = '\uFFFD';
            }
        }
        return new String(chars);
    }

    /** The index of the first surrogate that is not half of a pair, or -1. */
    static int firstUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
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

    @Override
    public void close() {
        tokenizer.close();
    }

    @Override
    public String toString() {
        return name();
    }
}
