package dev.tokensmith.core.decoder;

import java.util.ArrayList;
import java.util.List;

/**
 * WordPiece: tokens after the first lose the continuation {@code prefix}, or get a leading space when they do
 * not have it; with {@code cleanup}, tokenization artifacts (spaces before punctuation, split contractions)
 * are undone per token.
 */
public record WordPiece(String prefix, boolean cleanup) implements Decoder {

    /** HF's default: prefix {@code ##}, with cleanup. */
    public static WordPiece defaults() {
        return new WordPiece("##", true);
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (i != 0) {
                token = token.startsWith(prefix) ? token.substring(prefix.length()) : " " + token;
            }
            out.add(cleanup ? cleanup(token) : token);
        }
        return out;
    }

    /** HF's {@code wordpiece::cleanup}, also used by {@link CTC}; the replacements run in this order. */
    static String cleanup(String dirty) {
        return dirty.replace(" .", ".")
                .replace(" ?", "?")
                .replace(" !", "!")
                .replace(" ,", ",")
                .replace(" ' ", "'")
                .replace(" n't", "n't")
                .replace(" 'm", "'m")
                .replace(" do not", " don't")
                .replace(" 's", "'s")
                .replace(" 've", "'ve")
                .replace(" 're", "'re");
    }
}
