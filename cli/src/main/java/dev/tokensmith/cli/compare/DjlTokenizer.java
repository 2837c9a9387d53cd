package dev.tokensmith.cli.compare;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * HF tokenizers (Rust) through DJL's JNI binding: the reference. Loaded with truncation and padding off, so it
 * encodes whole texts like the CLI does. Only {@link ReferenceLoader#djl()} creates it, after checking that DJL
 * is on the class path.
 */
final class DjlTokenizer implements ComparedTokenizer {
    private final HuggingFaceTokenizer tokenizer;

    private DjlTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static ComparedTokenizer open(Path tokenizerJson) throws IOException {
        // No network at run time: DJL would otherwise look up cloud metadata and send telemetry.
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // DJL logs through SLF4J; without a provider SLF4J warns on stderr about itself, which is noise here.
        setIfAbsent("slf4j.internal.verbosity", "ERROR");
        Map<String, String> options = Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "true");
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

    @Override
    public Tokenization encode(String text, boolean addSpecialTokens) {
        Encoding e = tokenizer.encode(text, addSpecialTokens, false);
        long[] longIds = e.getIds();
        int[] ids = new int[longIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) longIds[i];
        }
        CharSpan[] spans = e.getCharTokenSpans();
        int[] offsets = new int[2 * ids.length];
        for (int i = 0; i < ids.length; i++) {
            CharSpan s = spans[i];
            offsets[2 * i] = s == null ? -1 : s.getStart();
            offsets[2 * i + 1] = s == null ? -1 : s.getEnd();
        }
        return new Tokenization(ids, e.getTokens(), offsets);
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
}
