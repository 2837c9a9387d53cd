package dev.tokensmith.core.model;

import dev.tokensmith.core.text.Token;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Word-level lookup (HF tokenizers' {@code WordLevel} model): a piece is one token, or the unknown token. */
public final class WordLevel implements Model {
    public static final String DEFAULT_UNK_TOKEN = "<unk>";

    private final Vocabulary vocab;
    private final String unkToken;

    public WordLevel(Map<String, Integer> vocab, String unkToken) {
        this.vocab = Vocabulary.of(vocab);
        this.unkToken = Objects.requireNonNull(unkToken, "unkToken");
    }

    @Override
    public List<Token> tokenize(String piece) {
        int id = vocab.id(piece);
        if (id >= 0) {
            return List.of(new Token(id, piece, 0, piece.length()));
        }
        int unk = vocab.id(unkToken);
        if (unk < 0) {
            throw new IllegalStateException("WordLevel error: Missing [UNK] token from the vocabulary");
        }
        return List.of(new Token(unk, unkToken, 0, piece.length()));
    }

    @Override
    public int tokenToId(String token) {
        return vocab.id(token);
    }

    @Override
    public String idToToken(int id) {
        return vocab.token(id);
    }

    @Override
    public int vocabSize() {
        return vocab.size();
    }

    @Override
    public Map<String, Integer> vocab() {
        return vocab.map();
    }

    public String unkToken() {
        return unkToken;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordLevel w && vocab.equals(w.vocab) && unkToken.equals(w.unkToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vocab, unkToken);
    }

    @Override
    public String toString() {
        return "WordLevel[vocab=" + vocab.size() + ", unkToken=" + unkToken + "]";
    }
}
