package dev.tokensmith.core.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BERT's special tokens: {@code [CLS] A [SEP]} and {@code [CLS] A [SEP] B [SEP]}, type id 0 up to the first
 * {@code [SEP]} and 1 after it. The sequence tokens' special-tokens mask is reset to 0 (HF does, even for
 * special tokens found in the text). Without special tokens the inputs pass unchanged.
 */
public record BertProcessing(String sep, int sepId, String cls, int clsId) implements PostProcessor {

    /** HF's default: {@code [SEP]}=102, {@code [CLS]}=101. */
    public static BertProcessing defaults() {
        return new BertProcessing("[SEP]", 102, "[CLS]", 101);
    }

    @Override
    public int addedTokens(boolean isPair) {
        return isPair ? 3 : 2;
    }

    @Override
    public List<ProcessingEncoding> processEncodings(List<ProcessingEncoding> encodings, boolean addSpecialTokens) {
        if (!addSpecialTokens) {
            return encodings;
        }
        List<ProcessingEncoding> out = new ArrayList<>(encodings.size());
        for (int i = 0; i < encodings.size(); i++) {
            ProcessingEncoding e = encodings.get(i);
            boolean first = i == 0;
            List<ProcessingEncoding> over = new ArrayList<>(e.overflowing().size());
            for (ProcessingEncoding o : e.overflowing()) {
                over.add(first ? wrapFirst(o, List.of()) : wrapOther(o, List.of()));
            }
            out.add(first ? wrapFirst(e, over) : wrapOther(e, over));
        }
        return out;
    }

    private ProcessingEncoding wrapFirst(ProcessingEncoding e, List<ProcessingEncoding> overflowing) {
        ProcessingEncoding.Builder b = new ProcessingEncoding.Builder(e.size() + 2);
        b.add(clsId, cls, 0, 0, 0, -1, 1);
        b.addSequence(e, -1);
        b.add(sepId, sep, 0, 0, 0, -1, 1);
        return b.build(Map.of(0, new ProcessingEncoding.Range(1, e.size() + 1)), overflowing);
    }

    private ProcessingEncoding wrapOther(ProcessingEncoding e, List<ProcessingEncoding> overflowing) {
        ProcessingEncoding.Builder b = new ProcessingEncoding.Builder(e.size() + 1);
        b.addSequence(e, -1);
        b.add(sepId, sep, 0, 0, 1, -1, 1);
        return b.build(Map.of(1, new ProcessingEncoding.Range(0, e.size())), overflowing);
    }
}
