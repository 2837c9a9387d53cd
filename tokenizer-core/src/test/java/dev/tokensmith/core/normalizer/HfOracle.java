package dev.tokensmith.core.normalizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.NormalizerJson;
import dev.tokensmith.core.text.NormalizedString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * HF tokenizers itself (through DJL's binding) as the oracle for a normalizer: a throw-away tokenizer.json with
 * that normalizer, a pre-tokenizer isolating every code point and a WordLevel model knowing them all, so that
 * each token is one normalized code point and its offsets are that code point's alignment.
 */
final class HfOracle {
    /** One normalized code point and the original range (UTF-16 units) it aligns with. */
    record Piece(String text, int start, int end) {
        @Override
        public String toString() {
            return escape(text) + "@" + start + ".." + end;
        }
    }

    private HfOracle() {}

    /** What our normalizer produces. */
    static List<Piece> ours(Normalizer n, String input) {
        NormalizedString s = NormalizedString.of(input);
        n.normalize(s);
        List<Piece> out = new ArrayList<>();
        String t = s.get();
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            out.add(new Piece(Character.toString(c), s.alignedStart(i), s.alignedEnd(i)));
            i += Character.charCount(c);
        }
        return out;
    }

    /** What HF tokenizers produces for the same normalizer, written by our codec. */
    static List<Piece> hf(Normalizer n, String input) {
        TreeSet<String> vocab = new TreeSet<>();
        input.codePoints().forEach(c -> vocab.add(Character.toString(c)));
        ours(n, input).forEach(p -> vocab.add(p.text()));
        return hf(NormalizerJson.write(n), input, vocab);
    }

    /** HF's pieces for many inputs with one tokenizer. */
    static List<List<Piece>> hfAll(Normalizer n, List<String> inputs) {
        TreeSet<String> vocab = new TreeSet<>();
        for (String input : inputs) {
            input.codePoints().forEach(c -> vocab.add(Character.toString(c)));
            ours(n, input).forEach(p -> vocab.add(p.text()));
        }
        return hfAll(NormalizerJson.write(n), inputs, vocab);
    }

    static List<Piece> hf(ObjectNode normalizer, String input, Iterable<String> vocabulary) {
        return hfAll(normalizer, List.of(input), vocabulary).getFirst();
    }

    static List<List<Piece>> hfAll(ObjectNode normalizer, List<String> inputs, Iterable<String> vocabulary) {
        ObjectNode root = Json.object();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens");
        root.set("normalizer", normalizer);
        ObjectNode split = Json.typed("Split");
        split.putObject("pattern").put("Regex", "[\\s\\S]");
        split.put("behavior", "Isolated");
        split.put("invert", false);
        root.set("pre_tokenizer", split);
        root.putNull("post_processor");
        root.putNull("decoder");
        ObjectNode model = Json.typed("WordLevel");
        ObjectNode vocab = model.putObject("vocab");
        vocab.put("[UNK]", 0);
        int id = 1;
        for (String v : vocabulary) {
            vocab.put(v, id++);
        }
        model.put("unk_token", "[UNK]");
        root.set("model", model);
        byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");
        try (HuggingFaceTokenizer tokenizer =
                HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options)) {
            List<List<Piece>> all = new ArrayList<>(inputs.size());
            for (String input : inputs) {
                Encoding e = tokenizer.encode(input);
                String[] tokens = e.getTokens();
                CharSpan[] spans = e.getCharTokenSpans();
                List<Piece> out = new ArrayList<>(tokens.length);
                for (int i = 0; i < tokens.length; i++) {
                    out.add(new Piece(tokens[i], utf16(input, spans[i].getStart()), utf16(input, spans[i].getEnd())));
                }
                all.add(out);
            }
            return all;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints()
                .forEach(c -> sb.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u{%X}", c)));
        return sb.toString();
    }

    /** HF's char offsets count code points; ours count UTF-16 units. */
    private static int utf16(String s, int codePoints) {
        return s.offsetByCodePoints(0, Math.min(codePoints, s.codePointCount(0, s.length())));
    }
}
