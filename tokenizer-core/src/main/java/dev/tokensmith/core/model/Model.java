package dev.tokensmith.core.model;

import dev.tokensmith.core.text.Token;
import java.util.List;
import java.util.Map;

/**
 * Turns one pre-tokenized piece into tokens: HF tokenizers' {@code BPE}, {@code WordPiece}, {@code Unigram} and
 * {@code WordLevel} models. Immutable and thread-safe.
 *
 * <p>{@link #tokenize} throws {@link IllegalStateException} where HF's model returns an error at encode time
 * (an unknown piece whose unknown token is not in the vocabulary).
 */
public sealed interface Model permits Bpe, WordPiece, Unigram, WordLevel {
    /** The tokens of {@code piece}, with ranges in UTF-16 units of {@code piece}. */
    List<Token> tokenize(String piece);

    /** The id of {@code token}, or -1 when it is not in the vocabulary. */
    int tokenToId(String token);

    /** The token with id {@code id}, or null when there is none. */
    String idToToken(int id);

    /** Number of entries in the model's own vocabulary (added tokens excluded). */
    int vocabSize();

    /** The model's vocabulary, token to id. */
    Map<String, Integer> vocab();
}
