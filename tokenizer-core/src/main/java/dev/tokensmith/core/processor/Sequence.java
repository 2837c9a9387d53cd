package dev.tokensmith.core.processor;

import java.util.List;

/** Post-processors applied in order, each to the parts the previous one returned. */
public record Sequence(List<PostProcessor> processors) implements PostProcessor {

    public Sequence {
        processors = List.copyOf(processors);
    }

    @Override
    public int addedTokens(boolean isPair) {
        int sum = 0;
        for (PostProcessor p : processors) {
            sum += p.addedTokens(isPair);
        }
        return sum;
    }

    @Override
    public List<ProcessingEncoding> processEncodings(List<ProcessingEncoding> encodings, boolean addSpecialTokens) {
        List<ProcessingEncoding> current = encodings;
        for (PostProcessor p : processors) {
            current = p.processEncodings(current, addSpecialTokens);
        }
        return current;
    }
}
