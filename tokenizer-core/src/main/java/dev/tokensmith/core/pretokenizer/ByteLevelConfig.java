package dev.tokensmith.core.pretokenizer;

/**
 * The settings of HF's {@code ByteLevel} component, which is one type serving three roles (pre-tokenizer,
 * post-processor, decoder) and is serialized with the same three fields in each role.
 *
 * @param addPrefixSpace pre-tokenizer: prepend a space to the first word; post-processor: keep the offset of
 *     a single leading space on the first token
 * @param trimOffsets post-processor: shrink token offsets to exclude leading and trailing whitespace
 * @param useRegex pre-tokenizer: split with the GPT-2 regex
 */
public record ByteLevelConfig(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {}
