package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits where the Unicode script changes, SentencePiece style: Hiragana, Katakana and U+30FC count as Han,
 * the space and unknown characters ("Any") join whatever surrounds them. As in HF, characters of script Any
 * before the first character of a real script are dropped, and a split made only of them disappears.
 */
public record UnicodeScripts() implements PreTokenizer {
    @Override
    public void preTokenize(PreTokenizedString text) {
        text.split((index, piece) -> split(piece));
    }

    private static List<NormalizedString> split(NormalizedString piece) {
        String s = piece.get();
        List<NormalizedString> out = new ArrayList<>();
        int last = Scripts.ANY;
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int script = Scripts.of(c);
            if (script != Scripts.ANY) {
                if (script != last) {
                    if (start >= 0) {
                        out.add(piece.slice(start, i));
                    }
                    start = i;
                }
                last = script;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            out.add(piece.slice(start, s.length()));
        }
        return out;
    }
}
