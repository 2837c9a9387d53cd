package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;

/**
 * Removes combining marks (general category M: Mn, Mc and Me), as HF's {@code is_combining_mark}. Only useful
 * after a decomposing normalizer (NFD, NFKD), which splits accented letters into letter plus mark. As in HF,
 * the categories are Unicode 9.0's.
 */
public record StripAccents() implements Normalizer {
    @Override
    public void normalize(NormalizedString text) {
        text.filter(c -> !isCombiningMark(c));
    }

    static boolean isCombiningMark(int c) {
        return UnicodeAges.isMark9(c);
    }
}
