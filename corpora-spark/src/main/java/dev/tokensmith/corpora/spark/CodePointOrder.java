package dev.tokensmith.corpora.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Orders strings by code point, which is the unsigned byte order of their UTF-8 forms: the order of {@link
 * dev.tokensmith.core.train.PreTokenCounts}. ({@link String#compareTo} compares UTF-16 units, which puts
 * supplementary characters before U+E000..U+FFFF.)
 */
final class CodePointOrder implements Comparator<String>, Serializable {
    static final CodePointOrder INSTANCE = new CodePointOrder();

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF: lift them above the rest.
                return Integer.compare(rank(x), rank(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int rank(char c) {
        return Character.isSurrogate(c) ? c + 0x10000 : c;
    }
}
