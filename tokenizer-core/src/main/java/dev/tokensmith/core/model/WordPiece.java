package dev.tokensmith.core.model;

import dev.tokensmith.core.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * WordPiece (HF tokenizers' {@code WordPiece} model): greedy longest-match-first, the pieces after the first
 * looked up with {@code continuing_subword_prefix}. A piece longer than {@code max_input_chars_per_word}
 * characters (code points), or with a part that matches nothing, becomes the one unknown token.
 */
public final class WordPiece implements Model {
    public static final String DEFAULT_UNK_TOKEN = "[UNK]";
    public static final String DEFAULT_CONTINUING_SUBWORD_PREFIX = "##";
    public static final long DEFAULT_MAX_INPUT_CHARS_PER_WORD = 100;

    private final Vocabulary vocab;
    private final String unkToken;
    private final String continuingSubwordPrefix;
    private final long maxInputCharsPerWord;

    public WordPiece(
            Map<String, Integer> vocab, String unkToken, String continuingSubwordPrefix, long maxInputCharsPerWord) {
        this.vocab = Vocabulary.of(vocab);
        this.unkToken = Objects.requireNonNull(unkToken, "unkToken");
        this.continuingSubwordPrefix = Objects.requireNonNull(continuingSubwordPrefix, "continuingSubwordPrefix");
        if (maxInputCharsPerWord < 0) {
            throw new IllegalArgumentException("max_input_chars_per_word must not be negative");
        }
        this.maxInputCharsPerWord = maxInputCharsPerWord;
    }

    /** HF's defaults: {@code [UNK]}, {@code ##}, 100. */
    public static WordPiece of(Map<String, Integer> vocab) {
        return new WordPiece(
                vocab, DEFAULT_UNK_TOKEN, DEFAULT_CONTINUING_SUBWORD_PREFIX, DEFAULT_MAX_INPUT_CHARS_PER_WORD);
    }

    @Override
    public List<Token> tokenize(String piece) {
        int n = piece.length();
        if (piece.codePointCount(0, n) > maxInputCharsPerWord) {
            return unknown(piece);
        }
        List<Token> out = new ArrayList<>();
        int maxLength = vocab.maxTokenLength();
        int start = 0;
        while (start < n) {
            String prefix = start > 0 ? continuingSubwordPrefix : "";
            // Candidates longer than the longest token cannot match: start below them (same result as HF,
            // which starts from the end of the piece).
            int end = (int) Math.min(n, (long) start + maxLength - prefix.length());
            if (end < n
                    && end > start
                    && Character.isLowSurrogate(piece.charAt(end))
                    && Character.isHighSurrogate(piece.charAt(end - 1))) {
                end--;
            }
            int found = -1;
            String candidate = null;
            while (start < end) {
                candidate = prefix + piece.substring(start, end);
                found = vocab.id(candidate);
                if (found >= 0) {
                    break;
                }
                end -= Character.charCount(piece.codePointBefore(end));
            }
            if (found < 0) {
                return unknown(piece);
            }
            out.add(new Token(found, candidate, start, end));
            start = end;
        }
        return out;
    }

    private List<Token> unknown(String piece) {
        int id = vocab.id(unkToken);
        if (id < 0) {
            throw new IllegalStateException("WordPiece error: Missing [UNK] token from the vocabulary");
        }
        return List.of(new Token(id, unkToken, 0, piece.length()));
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

    public String continuingSubwordPrefix() {
        return continuingSubwordPrefix;
    }

    public long maxInputCharsPerWord() {
        return maxInputCharsPerWord;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordPiece w
                && vocab.equals(w.vocab)
                && unkToken.equals(w.unkToken)
                && continuingSubwordPrefix.equals(w.continuingSubwordPrefix)
                && maxInputCharsPerWord == w.maxInputCharsPerWord;
    }

    @Override
    public int hashCode() {
        return Objects.hash(vocab, unkToken, continuingSubwordPrefix, maxInputCharsPerWord);
    }

    @Override
    public String toString() {
        return "WordPiece[vocab=" + vocab.size() + ", unkToken=" + unkToken + ", continuingSubwordPrefix="
                + continuingSubwordPrefix + ", maxInputCharsPerWord=" + maxInputCharsPerWord + "]";
    }
}
