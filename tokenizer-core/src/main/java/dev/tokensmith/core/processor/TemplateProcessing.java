package dev.tokensmith.core.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the encoding from a template: {@code single} for one sequence, {@code pair} for two, each a list of
 * {@link Piece}s that are the inputs (with a type id for all their tokens) or special tokens looked up by id
 * in {@code specialTokens}. Without special tokens only the inputs' type ids are set.
 *
 * <p>Like HF's deserializer, the constructor does not check the templates; {@link #of} checks them as HF's
 * builder does. A special token missing from the map fails at processing time, where HF panics.
 */
public record TemplateProcessing(List<Piece> single, List<Piece> pair, Map<String, SpecialToken> specialTokens)
        implements PostProcessor {

    public TemplateProcessing {
        single = List.copyOf(single);
        pair = List.copyOf(pair);
        specialTokens = Map.copyOf(specialTokens);
    }

    /**
     * A checked template processor from HF's string notation, e.g. {@code of("[CLS] $A [SEP]",
     * "[CLS] $A [SEP] $B:1 [SEP]:1", List.of(SpecialToken.of("[CLS]", 101), SpecialToken.of("[SEP]", 102)))}.
     *
     * @throws IllegalArgumentException when a piece does not parse, the pair template does not use both
     *     sequences, or a special token is not among {@code specialTokens} (HF's builder errors)
     */
    public static TemplateProcessing of(String single, String pair, List<SpecialToken> specialTokens) {
        List<Piece> s = Piece.parseTemplate(single);
        List<Piece> p = Piece.parseTemplate(pair);
        boolean hasA = false;
        boolean hasB = false;
        for (Piece piece : p) {
            if (piece instanceof Piece.Sequence seq) {
                hasA |= seq.id() == Piece.SequenceId.A;
                hasB |= seq.id() == Piece.SequenceId.B;
            }
        }
        if (!hasA || !hasB) {
            throw new IllegalArgumentException("Template for `pair` must use both sequences");
        }
        Map<String, SpecialToken> map = new java.util.HashMap<>();
        for (SpecialToken t : specialTokens) {
            map.put(t.id(), t);
        }
        Set<String> missing = new LinkedHashSet<>();
        for (List<Piece> template : List.of(s, p)) {
            for (Piece piece : template) {
                if (piece instanceof Piece.SpecialToken t && !map.containsKey(t.id())) {
                    missing.add(t.id());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "Missing SpecialToken(s) with id(s) `" + String.join(", ", missing) + "`");
        }
        return new TemplateProcessing(s, p, map);
    }

    @Override
    public int addedTokens(boolean isPair) {
        int count = 0;
        for (Piece piece : isPair ? pair : single) {
            if (piece instanceof Piece.SpecialToken t) {
                SpecialToken st = specialTokens.get(t.id());
                count += st == null ? 0 : st.idCount();
            }
        }
        return count;
    }

    @Override
    public List<ProcessingEncoding> processEncodings(List<ProcessingEncoding> encodings, boolean addSpecialTokens) {
        List<Piece> template = switch (encodings.size()) {
            case 1 -> single;
            case 2 -> pair;
            default ->
                throw new IllegalStateException(
                        "TemplateProcessing takes one or two encodings, got " + encodings.size());
        };
        List<ProcessingEncoding> inputs = new ArrayList<>(encodings);
        List<ProcessingEncoding> out = new ArrayList<>(template.size());
        for (Piece piece : template) {
            switch (piece) {
                case Piece.Sequence seq -> {
                    int i = seq.id() == Piece.SequenceId.A ? 0 : 1;
                    if (i >= inputs.size()) {
                        throw new IllegalStateException("The single template uses sequence B, which it does not have");
                    }
                    // HF re-tags the input itself, so a later piece for the same input starts from this one.
                    ProcessingEncoding e =
                            inputs.get(i).withTypeIds(seq.typeId()).withSequenceId(i);
                    inputs.set(i, e);
                    out.add(e);
                }
                case Piece.SpecialToken t -> {
                    if (addSpecialTokens) {
                        SpecialToken st = specialTokens.get(t.id());
                        if (st == null) {
                            throw new IllegalStateException("The template uses special token \"" + t.id()
                                    + "\", which is not among its special_tokens");
                        }
                        out.add(ProcessingEncoding.special(st.idsShared(), st.tokens(), t.typeId()));
                    }
                }
            }
        }
        return out;
    }
}
