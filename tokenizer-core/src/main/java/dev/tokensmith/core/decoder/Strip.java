package dev.tokensmith.core.decoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes up to {@code start} leading and up to {@code stop} trailing occurrences of the character
 * {@code content} (a code point) from each token.
 *
 * <p>Where HF panics (more trailing characters requested than the token has, all of them {@code content}, or
 * the two cuts crossing) this gives the empty string instead.
 */
public record Strip(int content, int start, int stop) implements Decoder {

    public Strip {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("start and stop must not be negative");
        }
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            out.add(strip(token));
        }
        return out;
    }

    private String strip(String token) {
        int[] cps = token.codePoints().toArray();
        int startCut = 0;
        for (int i = 0; i < Math.min(start, cps.length); i++) {
            if (cps[i] != content) {
                break;
            }
            startCut = i + 1;
        }
        int stopCut = cps.length;
        for (int i = 0; i < stop; i++) {
            int index = cps.length - i - 1;
            if (index < 0 || cps[index] != content) {
                break;
            }
            stopCut = index;
        }
        if (startCut == 0 && stopCut == cps.length) {
            return token;
        }
        return startCut >= stopCut ? "" : new String(cps, startCut, stopCut - startCut);
    }
}
