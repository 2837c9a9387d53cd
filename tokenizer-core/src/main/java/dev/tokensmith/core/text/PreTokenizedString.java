package dev.tokensmith.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The input as a list of splits, each a {@link NormalizedString} that may already carry its tokens (added
 * tokens do). Pre-tokenizers split the untokenized splits further; the model then tokenizes each one.
 */
public final class PreTokenizedString {
    /** One piece of the input and, once tokenized, its tokens (null before). */
    public static final class Split {
        private final NormalizedString normalized;
        private List<Token> tokens;

        public Split(NormalizedString normalized, List<Token> tokens) {
            this.normalized = normalized;
            this.tokens = tokens;
        }

        public NormalizedString normalized() {
            return normalized;
        }

        public List<Token> tokens() {
            return tokens;
        }

        public boolean isTokenized() {
            return tokens != null;
        }
    }

    /** How a split function sees a split: its index among the current splits, and its text. */
    @FunctionalInterface
    public interface SplitFunction {
        List<NormalizedString> split(int index, NormalizedString normalized);
    }

    private final String original;
    private List<Split> splits;

    public PreTokenizedString(String original, List<Split> splits) {
        this.original = original;
        this.splits = splits;
    }

    public static PreTokenizedString of(String text) {
        List<Split> splits = new ArrayList<>(1);
        splits.add(new Split(NormalizedString.of(text), null));
        return new PreTokenizedString(text, splits);
    }

    public String original() {
        return original;
    }

    public List<Split> splits() {
        return splits;
    }

    /** Replaces every untokenized split by the pieces {@code fn} returns, dropping empty ones. */
    public void split(SplitFunction fn) {
        List<Split> next = new ArrayList<>(splits.size() * 2);
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            if (s.isTokenized()) {
                next.add(s);
                continue;
            }
            for (NormalizedString piece : fn.split(i, s.normalized)) {
                if (!piece.isEmpty()) {
                    next.add(new Split(piece, null));
                }
            }
        }
        splits = next;
    }

    /** Like {@link #split(SplitFunction)}, but the function may return splits that already carry tokens. */
    public void splitToSplits(java.util.function.BiFunction<Integer, NormalizedString, List<Split>> fn) {
        List<Split> next = new ArrayList<>(splits.size() * 2);
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            if (s.isTokenized()) {
                next.add(s);
                continue;
            }
            for (Split piece : fn.apply(i, s.normalized)) {
                if (!piece.normalized.isEmpty()) {
                    next.add(piece);
                }
            }
        }
        splits = next;
    }

    /** Applies {@code normalize} to every untokenized split in place. */
    public void normalize(Consumer<NormalizedString> normalize) {
        for (Split s : splits) {
            if (!s.isTokenized()) {
                normalize.accept(s.normalized);
            }
        }
    }

    /** Tokenizes every untokenized split. */
    public void tokenize(Function<NormalizedString, List<Token>> tokenize) {
        for (Split s : splits) {
            if (!s.isTokenized()) {
                s.tokens = tokenize.apply(s.normalized);
            }
        }
    }
}
