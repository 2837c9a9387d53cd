package dev.tokensmith.core.pretokenizer;

/**
 * The three settings of HF's {@code ByteLevel} component, which one tokenizer.json type serves as
 * pre-tokenizer, post-processor and decoder (each role reads only some of them, see HF tokenizers#1819):
 *
 * @param addPrefixSpace pre-tokenizer: prepend a space to a split that does not start with one; post-processor:
 *     keep that space in the first token's offsets
 * @param trimOffsets post-processor: shrink token offsets to exclude leading and trailing spaces
 * @param useRegex pre-tokenizer: split with GPT-2's regex before mapping to bytes
 */
public record ByteLevelConfig(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {
    /** HF's {@code ByteLevel::default()}: everything on. */
    public static final ByteLevelConfig DEFAULT = new ByteLevelConfig(true, true, true);
}
