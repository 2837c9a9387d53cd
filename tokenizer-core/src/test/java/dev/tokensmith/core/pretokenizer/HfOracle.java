package dev.tokensmith.core.pretokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HF tokenizers itself (through DJL's JNI binding) running a tokenizer.json whose only stage is the
 * pre-tokenizer under test, followed by a WordLevel model that knows no word: every split becomes one unknown
 * token, whose offsets are the split's offsets in the original text.
 */
final class HfOracle implements AutoCloseable {
    static {
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    /**
     * Separates probes concatenated into one text (a JNI round trip costs far more than the text): private-use
     * characters, so that probes avoiding U+E000..U+E002 cannot contain or complete it.
     */
    static final String SEPARATOR = "\uE000\uE001\uE002";

    private final HuggingFaceTokenizer tokenizer;
    private final boolean separated;

    HfOracle(String preTokenizerJson) {
        this(preTokenizerJson, false);
    }

    /** An oracle whose pre-tokenizer first cuts the text at {@link #SEPARATOR}s, for {@link #splitsEach}. */
    static HfOracle separated(String preTokenizerJson) {
        return new HfOracle(
                "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Split\",\"pattern\":{\"String\":\"" + SEPARATOR
                        + "\"},\"behavior\":\"Removed\",\"invert\":false}," + preTokenizerJson + "]}",
                true);
    }

    private HfOracle(String preTokenizerJson, boolean separated) {
        this.separated = separated;
        String json = "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],"
                + "\"normalizer\":null,\"pre_tokenizer\":" + preTokenizerJson
                + ",\"post_processor\":null,\"decoder\":null,"
                + "\"model\":{\"type\":\"WordLevel\",\"vocab\":{\"<unk>\":0},\"unk_token\":\"<unk>\"}}";
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The splits of {@code text} as UTF-16 ranges {start, end} of the original text. */
    List<int[]> splits(String text) {
        return toUtf16(text, tokenizer.encode(text).getCharTokenSpans());
    }

    /** {@link #splits} for many texts at once (HF encodes a batch in parallel). */
    List<List<int[]>> splits(String[] texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        List<List<int[]>> out = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            out.add(toUtf16(texts[i], encodings[i].getCharTokenSpans()));
        }
        return out;
    }

    /**
     * The splits of every probe, each pre-tokenized on its own (see {@link #separated}), with offsets relative to
     * the probe. Probes must not contain U+E000..U+E002 nor be empty.
     */
    List<List<int[]>> splitsEach(List<String> probes) {
        if (!separated) {
            throw new IllegalStateException("not a separated oracle");
        }
        List<List<int[]>> out = new ArrayList<>(probes.size());
        int batch = 4096;
        for (int from = 0; from < probes.size(); from += batch) {
            List<String> part = probes.subList(from, Math.min(probes.size(), from + batch));
            StringBuilder text = new StringBuilder();
            int[] starts = new int[part.size() + 1];
            for (int i = 0; i < part.size(); i++) {
                String p = part.get(i);
                if (p.isEmpty() || p.chars().anyMatch(c -> c >= 0xE000 && c <= 0xE002)) {
                    throw new IllegalArgumentException("unusable probe: " + p);
                }
                if (i > 0) {
                    text.append(SEPARATOR);
                }
                starts[i] = text.length();
                text.append(p);
            }
            starts[part.size()] = Integer.MAX_VALUE;
            List<int[]> all = splits(text.toString());
            int k = 0;
            for (int i = 0; i < part.size(); i++) {
                List<int[]> mine = new ArrayList<>();
                while (k < all.size() && all.get(k)[0] < starts[i + 1]) {
                    int[] o = all.get(k++);
                    mine.add(new int[] {o[0] - starts[i], o[1] - starts[i]});
                }
                out.add(mine);
            }
        }
        return out;
    }

    /** HF reports offsets in code points; Java strings count UTF-16 units. Spans come in increasing order. */
    private static List<int[]> toUtf16(String text, CharSpan[] spans) {
        List<int[]> out = new ArrayList<>(spans.length);
        int cp = 0;
        int unit = 0;
        for (CharSpan s : spans) {
            if (s.getStart() < cp) {
                cp = 0;
                unit = 0;
            }
            unit = text.offsetByCodePoints(unit, s.getStart() - cp);
            cp = s.getStart();
            int end = text.offsetByCodePoints(unit, s.getEnd() - s.getStart());
            out.add(new int[] {unit, end});
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
