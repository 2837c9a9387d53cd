package dev.tokensmith.core.train;

import dev.tokensmith.core.AddedToken;
import dev.tokensmith.core.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows a tokenizer's vocabulary to a size that suits the model's matrices (a multiple of 128, a power of two),
 * with tokens that cannot change how existing text encodes ({@link Filler#RESERVED}, Llama 3's way) or that are
 * useful runs of whitespace ({@link Filler#WHITESPACE}, KL3M's way: {@code "  "}, {@code "\n\n"}, three of each,
 * … taking those not yet in the vocabulary; as added tokens they take such runs whole).
 *
 * <pre>{@code
 * Tokenizer padded = VocabPadding.toMultipleOf(128, VocabPadding.Filler.RESERVED).apply(tokenizer);
 * }</pre>
 */
public record VocabPadding(Target target, int multiple, Filler filler) {
    public enum Target {
        MULTIPLE,
        POWER_OF_TWO
    }

    public enum Filler {
        /** Special tokens {@code <|reserved_special_token_N|>}, N from 0, never found in ordinary text. */
        RESERVED,
        /** Runs of spaces and of newlines, two characters and longer, alternating, as KL3M pads. */
        WHITESPACE
    }

    public VocabPadding {
        if (target == Target.MULTIPLE && multiple < 1) {
            throw new IllegalArgumentException("pad to a positive multiple, got " + multiple);
        }
    }

    public static VocabPadding toMultipleOf(int multiple, Filler filler) {
        return new VocabPadding(Target.MULTIPLE, multiple, filler);
    }

    /** The smallest power of two at least the current size. */
    public static VocabPadding toPowerOfTwo(Filler filler) {
        return new VocabPadding(Target.POWER_OF_TWO, 0, filler);
    }

    /** The size a vocabulary of {@code size} tokens is padded to. */
    public int targetSize(int size) {
        return switch (target) {
            case MULTIPLE -> Math.toIntExact((size + (long) multiple - 1) / multiple * multiple);
            case POWER_OF_TWO -> size <= 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
        };
    }

    /** The tokenizer with enough added tokens to reach the target size (itself when already there). */
    public Tokenizer apply(Tokenizer tokenizer) {
        int size = tokenizer.vocabSize(true);
        int missing = targetSize(size) - size;
        if (missing <= 0) {
            return tokenizer;
        }
        List<AddedToken> added = new ArrayList<>(missing);
        int n = 0;
        for (int i = 0; added.size() < missing; i++) {
            String content = switch (filler) {
                case RESERVED -> "<|reserved_special_token_" + i + "|>";
                case WHITESPACE -> (i % 2 == 0 ? " " : "\n").repeat(2 + i / 2);
            };
            if (tokenizer.tokenToId(content) >= 0) {
                continue;
            }
            int id = size + n++;
            added.add(
                    filler == Filler.RESERVED
                            ? AddedToken.special(id, content)
                            : new AddedToken(id, content, false, false, false, true, false));
        }
        return tokenizer.toBuilder().addedTokens(added).build();
    }
}
