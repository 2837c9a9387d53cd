package dev.tokensmith.core.decoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Connectionist Temporal Classification output: repeated tokens collapse to one, the pad token is removed,
 * and with {@code cleanup} WordPiece's cleanup runs and the word delimiter becomes a space. Tokens that end up
 * empty are dropped.
 */
public record CTC(String padToken, String wordDelimiterToken, boolean cleanup) implements Decoder {

    /** HF's default: {@code <pad>}, {@code |}, with cleanup. */
    public static CTC defaults() {
        return new CTC("<pad>", "|", true);
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        String previous = null;
        for (String token : tokens) {
            if (token.equals(previous)) {
                continue;
            }
            previous = token;
            String replaced = token.replace(padToken, "");
            if (cleanup) {
                replaced = WordPiece.cleanup(replaced).replace(wordDelimiterToken, " ");
            }
            if (!replaced.isEmpty()) {
                out.add(replaced);
            }
        }
        return out;
    }
}
