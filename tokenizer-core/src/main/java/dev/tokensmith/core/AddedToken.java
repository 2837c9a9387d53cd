package dev.tokensmith.core;

/**
 * A token matched in the raw text before the model runs (HF's added tokens): special tokens such as {@code
 * <|endoftext|>} and user-added words.
 *
 * @param id the id the file declares (HF assigns ids on load; {@link Tokenizer#tokenToId} gives the real one)
 * @param content the literal text
 * @param singleWord only match when not inside a word
 * @param lstrip also take the whitespace on the left
 * @param rstrip also take the whitespace on the right
 * @param normalized match against the normalized text rather than the original
 * @param special a special token: skipped by {@code decode(ids, skipSpecialTokens = true)}
 */
public record AddedToken(
        int id,
        String content,
        boolean singleWord,
        boolean lstrip,
        boolean rstrip,
        boolean normalized,
        boolean special) {

    /** A special token as released tokenizers declare them: not normalized, no stripping. */
    public static AddedToken special(int id, String content) {
        return new AddedToken(id, content, false, false, false, false, true);
    }

    /** Equality of everything but the id, as HF compares added tokens. */
    boolean sameProperties(AddedToken o) {
        return content.equals(o.content)
                && singleWord == o.singleWord
                && lstrip == o.lstrip
                && rstrip == o.rstrip
                && normalized == o.normalized
                && special == o.special;
    }
}
