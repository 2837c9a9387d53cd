package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.Match;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.SplitPattern;
import dev.tokensmith.core.text.UnicodeProps;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps runs of word characters and runs of other non-space characters, dropping whitespace: HF's regex
 * {@code \w+|[^\w\s]+} (Rust {@code regex} crate: {@code \w} is Alphabetic, Mark, Nd, Pc and Join_Control).
 */
public record Whitespace() implements PreTokenizer {
    private static final int SPACE = 0;
    private static final int WORD = 1;
    private static final int OTHER = 2;

    /** Runs of one class are matches; whitespace lies between them, as in HF's inverted pattern. */
    private static final SplitPattern RUNS = inside -> {
        List<Match> out = new ArrayList<>();
        if (inside.isEmpty()) {
            out.add(new Match(0, 0, false));
            return out;
        }
        int i = 0;
        int n = inside.length();
        while (i < n) {
            int start = i;
            int kind = kind(inside.codePointAt(i));
            while (i < n && kind(inside.codePointAt(i)) == kind) {
                i += Character.charCount(inside.codePointAt(i));
            }
            // Invert(regex) flags: what the regex matched (word and other runs) is kept, spaces are removed.
            out.add(new Match(start, i, kind == SPACE));
        }
        return out;
    };

    static int kind(int c) {
        if (isWord(c)) {
            return WORD;
        }
        return UnicodeProps.isWhiteSpace(c) ? SPACE : OTHER;
    }

    static boolean isWord(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (Character.isAlphabetic(c) || c == 0x200C || c == 0x200D) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.CONNECTOR_PUNCTUATION -> true;
            default -> false;
        };
    }

    @Override
    public void preTokenize(PreTokenizedString text) {
        text.split((index, piece) -> piece.split(RUNS, SplitBehavior.REMOVED));
    }
}
