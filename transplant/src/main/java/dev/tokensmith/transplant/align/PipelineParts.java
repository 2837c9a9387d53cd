package dev.tokensmith.transplant.align;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.decoder.Decoder;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.normalizer.Replace;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import java.util.ArrayList;
import java.util.List;

/** Reads a tokenizer's pipeline for what decides its family: byte-level stages and the metaspace marker. */
final class PipelineParts {
    private PipelineParts() {}

    /** Whether a byte-level stage maps the text to GPT-2's alphabet (pre-tokenizer, normalizer or decoder). */
    static boolean hasByteLevel(Tokenizer t) {
        return preTokenizers(t).stream().anyMatch(p -> p instanceof dev.tokensmith.core.pretokenizer.ByteLevel)
                || normalizers(t).stream().anyMatch(n -> n instanceof dev.tokensmith.core.normalizer.ByteLevel)
                || decoders(t).stream().anyMatch(d -> d instanceof dev.tokensmith.core.decoder.ByteLevel);
    }

    /**
     * The string that stands for a space in the tokens: a Metaspace pre-tokenizer's or decoder's replacement, or
     * the content of a normalizer that replaces {@code " "} (Llama 2), or what a decoder replaces with a space;
     * null when there is none.
     */
    static String spaceMarker(Tokenizer t) {
        for (PreTokenizer p : preTokenizers(t)) {
            if (p instanceof dev.tokensmith.core.pretokenizer.Metaspace m) {
                return m.replacementString();
            }
        }
        for (Decoder d : decoders(t)) {
            if (d instanceof dev.tokensmith.core.decoder.Metaspace m) {
                return Character.toString(m.replacement());
            }
        }
        for (Normalizer n : normalizers(t)) {
            if (n instanceof Replace r
                    && r.pattern() instanceof Replace.Literal(String from)
                    && from.equals(" ")
                    && !r.content().isEmpty()) {
                return r.content();
            }
        }
        for (Decoder d : decoders(t)) {
            if (d instanceof dev.tokensmith.core.decoder.Replace r
                    && !r.isRegex()
                    && r.content().equals(" ")
                    && !r.pattern().isEmpty()) {
                return r.pattern();
            }
        }
        return null;
    }

    static List<PreTokenizer> preTokenizers(Tokenizer t) {
        List<PreTokenizer> out = new ArrayList<>();
        t.preTokenizer().ifPresent(p -> flatten(p, out));
        return out;
    }

    static List<Normalizer> normalizers(Tokenizer t) {
        List<Normalizer> out = new ArrayList<>();
        t.normalizer().ifPresent(n -> flatten(n, out));
        return out;
    }

    static List<Decoder> decoders(Tokenizer t) {
        List<Decoder> out = new ArrayList<>();
        t.decoder().ifPresent(d -> flatten(d, out));
        return out;
    }

    private static void flatten(PreTokenizer p, List<PreTokenizer> out) {
        if (p instanceof dev.tokensmith.core.pretokenizer.Sequence s) {
            s.preTokenizers().forEach(x -> flatten(x, out));
        } else {
            out.add(p);
        }
    }

    private static void flatten(Normalizer n, List<Normalizer> out) {
        if (n instanceof dev.tokensmith.core.normalizer.Sequence s) {
            s.normalizers().forEach(x -> flatten(x, out));
        } else {
            out.add(n);
        }
    }

    private static void flatten(Decoder d, List<Decoder> out) {
        if (d instanceof dev.tokensmith.core.decoder.Sequence s) {
            s.decoders().forEach(x -> flatten(x, out));
        } else {
            out.add(d);
        }
    }
}
