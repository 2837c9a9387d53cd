package dev.tokensmith.core.processor;

import dev.tokensmith.core.Encoding;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds special tokens and type ids around encoded sequences, and may adjust offsets (HF's
 * {@code PostProcessor}). Immutable and thread-safe.
 *
 * <p>The tokenizer calls {@link #process} (or {@link #defaultProcess} when it has no post-processor) once per
 * input, after truncation: it gets the model's encoding of the first sequence and, for a pair, of the second,
 * and returns the single merged encoding, overflowing parts included.
 */
public sealed interface PostProcessor
        permits BertProcessing, ByteLevel, RobertaProcessing, Sequence, TemplateProcessing {

    /** How many tokens {@link #process} adds (with special tokens) for a single sequence or a pair. */
    int addedTokens(boolean isPair);

    /**
     * One processing step over the inputs (one or two, or more inside a {@link Sequence}), returning the parts
     * that are then merged in order (HF's {@code process_encodings}). Without {@code addSpecialTokens} no
     * token is added, but type ids, sequence ranges and offsets are still adjusted as HF does.
     */
    List<ProcessingEncoding> processEncodings(List<ProcessingEncoding> encodings, boolean addSpecialTokens);

    /**
     * HF's {@code PostProcessor::process}: each input (and each of its overflowing parts) gets its index as
     * sequence id and the input gets it as type id; then {@link #processEncodings} runs and its parts are
     * merged.
     *
     * @param pair the second sequence's encoding, or null for a single sequence
     */
    default Encoding process(Encoding encoding, Encoding pair, boolean addSpecialTokens) {
        List<ProcessingEncoding> inputs = new ArrayList<>(2);
        inputs.add(ProcessingEncoding.input(encoding, 0));
        if (pair != null) {
            inputs.add(ProcessingEncoding.input(pair, 1));
        }
        return ProcessingEncoding.merge(processEncodings(inputs, addSpecialTokens))
                .toEncoding();
    }

    /**
     * What HF's tokenizer does without a post-processor: a single encoding is kept (every token in sequence
     * 0); a pair is concatenated with sequence ids 0 and 1, type ids as the model gave them.
     *
     * @param pair the second sequence's encoding, or null for a single sequence
     */
    static Encoding defaultProcess(Encoding encoding, Encoding pair) {
        if (pair == null) {
            return ProcessingEncoding.of(encoding).toEncoding();
        }
        return ProcessingEncoding.merge(List.of(
                        ProcessingEncoding.of(encoding).withSequenceId(0),
                        ProcessingEncoding.of(pair).withSequenceId(1)))
                .toEncoding();
    }
}
