package dev.tokensmith.core.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RoBERTa's special tokens: {@code <s> A </s>} and {@code <s> A </s></s> B </s>}, every type id 0. With
 * {@code trimOffsets}, offsets are first trimmed of whitespace as the {@link ByteLevel} processor does. The
 * sequence tokens' special-tokens mask is reset to 0, as HF does.
 */
public record RobertaProcessing(
        String sep, int sepId, String cls, int clsId, boolean trimOffsets, boolean addPrefixSpace)
        implements PostProcessor {

    /** HF's default: {@code </s>}=2, {@code <s>}=0, trimming offsets, with a prefix space. */
    public static RobertaProcessing defaults() {
        return new RobertaProcessing("</s>", 2, "<s>", 0, true, true);
    }

    @Override
    public int addedTokens(boolean isPair) {
        return isPair ? 4 : 2;
    }

    @Override
    public List<ProcessingEncoding> processEncodings(List<ProcessingEncoding> encodings, boolean addSpecialTokens) {
        List<ProcessingEncoding> prepared = new ArrayList<>(encodings.size());
        for (ProcessingEncoding e : encodings) {
            if (trimOffsets) {
                e = ByteLevel.trimOffsetsDeep(e, addPrefixSpace);
            }
            // HF: every RoBERTa encoding has type id 0 (its overflowing parts keep theirs here).
            prepared.add(e.withTypeIds(0));
        }
        if (!addSpecialTokens) {
            return prepared;
        }
        List<ProcessingEncoding> out = new ArrayList<>(prepared.size());
        for (int i = 0; i < prepared.size(); i++) {
            ProcessingEncoding e = prepared.get(i);
            boolean first = i == 0;
            List<ProcessingEncoding> over = new ArrayList<>(e.overflowing().size());
            for (ProcessingEncoding o : e.overflowing()) {
                over.add(wrap(o, first, List.of()));
            }
            out.add(wrap(e, first, over));
        }
        return out;
    }

    private ProcessingEncoding wrap(ProcessingEncoding e, boolean first, List<ProcessingEncoding> overflowing) {
        ProcessingEncoding.Builder b = new ProcessingEncoding.Builder(e.size() + 2);
        b.add(first ? clsId : sepId, first ? cls : sep, 0, 0, 0, -1, 1);
        b.addSequence(e, 0);
        b.add(sepId, sep, 0, 0, 0, -1, 1);
        return b.build(Map.of(first ? 0 : 1, new ProcessingEncoding.Range(1, e.size() + 1)), overflowing);
    }
}
