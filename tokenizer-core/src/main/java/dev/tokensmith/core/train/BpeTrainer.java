package dev.tokensmith.core.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Learns BPE merges from pre-token counts exactly as HF {@code tokenizers}' {@code BpeTrainer} does: the
 * same vocabulary ids, the same merges in the same order, on the same counts and settings.
 *
 * <p>Where HF itself is not deterministic, this trainer picks one documented order: characters dropped by
 * {@code limitAlphabet} among equal counts (the highest code point goes first), and the ids of
 * prefixed/suffixed characters (assigned in pre-token byte order). Counts are 64-bit throughout; HF sums
 * pair counts in 32 bits and so goes wrong past 2<sup>31</sup> occurrences of one pair.
 *
 * <pre>{@code
 * BpeTrainer trainer = BpeTrainer.builder().vocabSize(32_000).minFrequency(2).build();
 * BpeTrainingResult result = trainer.train(counts);
 * Bpe model = result.model();
 * }</pre>
 */
public final class BpeTrainer {
    private final int vocabSize;
    private final long minFrequency;
    private final List<String> specialTokens;
    private final Set<Integer> initialAlphabet;
    private final Integer limitAlphabet;
    private final Integer maxTokenLength;
    private final String continuingSubwordPrefix;
    private final String endOfWordSuffix;
    private final int threads;

    private BpeTrainer(Builder b) {
        this.vocabSize = b.vocabSize;
        this.minFrequency = b.minFrequency;
        this.specialTokens = List.copyOf(b.specialTokens);
        this.initialAlphabet = Set.copyOf(b.initialAlphabet);
        this.limitAlphabet = b.limitAlphabet;
        this.maxTokenLength = b.maxTokenLength;
        this.continuingSubwordPrefix = b.continuingSubwordPrefix;
        this.endOfWordSuffix = b.endOfWordSuffix;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    public BpeTrainingResult train(PreTokenCounts counts) {
        return train(counts, TrainingProgress.NONE);
    }

    public BpeTrainingResult train(PreTokenCounts counts, TrainingProgress progress) {
        return new BpeMergeLoop(this, counts, progress).run();
    }

    public int vocabSize() {
        return vocabSize;
    }

    public long minFrequency() {
        return minFrequency;
    }

    public List<String> specialTokens() {
        return specialTokens;
    }

    /** Code points always in the vocabulary, seen in the corpus or not. */
    public Set<Integer> initialAlphabet() {
        return initialAlphabet;
    }

    /** At most this many single characters are kept (the rarest go), or null for no limit. */
    public Integer limitAlphabet() {
        return limitAlphabet;
    }

    /**
     * The longest token, in characters (not counting a continuing-subword prefix or end-of-word suffix),
     * or null for no limit. HF's {@code max_token_length = N} allows tokens of at most N − 1 characters,
     * so HF's N is this K + 1.
     */
    public Integer maxTokenLength() {
        return maxTokenLength;
    }

    public String continuingSubwordPrefix() {
        return continuingSubwordPrefix;
    }

    public String endOfWordSuffix() {
        return endOfWordSuffix;
    }

    /** Threads that merge words in parallel (the result does not depend on it). */
    public int threads() {
        return threads;
    }

    @Override
    public String toString() {
        return "BpeTrainer[vocabSize=" + vocabSize + ", minFrequency=" + minFrequency + ", specialTokens="
                + specialTokens + ", initialAlphabet=" + initialAlphabet.size() + " chars, limitAlphabet="
                + limitAlphabet + ", maxTokenLength=" + maxTokenLength + ", continuingSubwordPrefix="
                + continuingSubwordPrefix + ", endOfWordSuffix=" + endOfWordSuffix + ", threads=" + threads + "]";
    }

    /** Settings, with HF's defaults: vocabulary 30,000, no minimum frequency, no limits. */
    public static final class Builder {
        private int vocabSize = 30_000;
        private long minFrequency;
        private final List<String> specialTokens = new ArrayList<>();
        private final Set<Integer> initialAlphabet = new TreeSet<>();
        private Integer limitAlphabet;
        private Integer maxTokenLength;
        private String continuingSubwordPrefix;
        private String endOfWordSuffix;
        private int threads = 1;

        private Builder() {}

        /** Threads for the merge steps that touch many words; 1 (the default) merges on the caller. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** The target size, special tokens and alphabet included. */
        public Builder vocabSize(int vocabSize) {
            if (vocabSize < 1) {
                throw new IllegalArgumentException("vocabulary size must be positive, got " + vocabSize);
            }
            this.vocabSize = vocabSize;
            return this;
        }

        /** A pair seen fewer times than this stops training. */
        public Builder minFrequency(long minFrequency) {
            if (minFrequency < 0) {
                throw new IllegalArgumentException("minimum frequency must not be negative, got " + minFrequency);
            }
            this.minFrequency = minFrequency;
            return this;
        }

        /** Tokens given the first ids, in this order (repeats ignored). */
        public Builder specialTokens(Collection<String> tokens) {
            specialTokens.clear();
            specialTokens.addAll(new LinkedHashSet<>(tokens));
            return this;
        }

        public Builder initialAlphabet(Collection<Integer> codePoints) {
            initialAlphabet.clear();
            for (int cp : codePoints) {
                if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    throw new IllegalArgumentException("not a Unicode scalar value: " + cp);
                }
                initialAlphabet.add(cp);
            }
            return this;
        }

        /** Each character of {@code chars} joins the initial alphabet. */
        public Builder initialAlphabet(String chars) {
            return initialAlphabet(chars.codePoints().boxed().toList());
        }

        public Builder limitAlphabet(Integer limit) {
            if (limit != null && limit < 0) {
                throw new IllegalArgumentException("alphabet limit must not be negative, got " + limit);
            }
            this.limitAlphabet = limit;
            return this;
        }

        /** See {@link BpeTrainer#maxTokenLength()}; null for no limit, else at least 2. */
        public Builder maxTokenLength(Integer characters) {
            if (characters != null && characters < 2) {
                throw new IllegalArgumentException(
                        "a maximum token length below 2 characters allows no merges, got " + characters);
            }
            this.maxTokenLength = characters;
            return this;
        }

        public Builder continuingSubwordPrefix(String prefix) {
            this.continuingSubwordPrefix = emptyToNull(prefix);
            return this;
        }

        public Builder endOfWordSuffix(String suffix) {
            this.endOfWordSuffix = emptyToNull(suffix);
            return this;
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }

        public BpeTrainer build() {
            Objects.requireNonNull(specialTokens);
            return new BpeTrainer(this);
        }
    }
}
