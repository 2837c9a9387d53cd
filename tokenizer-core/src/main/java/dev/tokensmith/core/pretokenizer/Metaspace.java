package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.SplitPattern;
import java.util.List;
import java.util.Objects;

/**
 * SentencePiece-style spaces: replaces every {@code ' '} with {@code replacement} (a code point, U+2581 by
 * default), prepends it as {@code prependScheme} says, and optionally splits before each replacement.
 */
public record Metaspace(int replacement, PrependScheme prependScheme, boolean split) implements PreTokenizer {
    /** HF's default replacement, U+2581 LOWER ONE EIGHTH BLOCK. */
    public static final int DEFAULT_REPLACEMENT = '\u2581';

    private static final SplitPattern SPACE = Patterns.codePoints(c -> c == ' ');

    public Metaspace {
        Objects.requireNonNull(prependScheme, "prependScheme");
        if (!Character.isValidCodePoint(replacement)
                || (replacement < 0x10000 && Character.isSurrogate((char) replacement))) {
            throw new IllegalArgumentException("replacement must be a Unicode scalar value: " + replacement);
        }
    }

    /** HF's default: U+2581, always prepended, split. */
    public Metaspace() {
        this(DEFAULT_REPLACEMENT, PrependScheme.ALWAYS, true);
    }

    /** The replacement as a string. */
    public String replacementString() {
        return Character.toString(replacement);
    }

    @Override
    public void preTokenize(PreTokenizedString text) {
        String rep = replacementString();
        SplitPattern onReplacement = Patterns.codePoints(c -> c == replacement);
        text.split((index, piece) -> {
            piece.replace(SPACE, rep);
            boolean prepend = switch (prependScheme) {
                case ALWAYS -> !piece.get().startsWith(rep);
                case FIRST -> !piece.get().startsWith(rep) && piece.originalShift() == 0;
                case NEVER -> false;
            };
            if (prepend) {
                piece.prepend(rep);
            }
            return split ? piece.split(onReplacement, SplitBehavior.MERGED_WITH_NEXT) : List.of(piece);
        });
    }
}
