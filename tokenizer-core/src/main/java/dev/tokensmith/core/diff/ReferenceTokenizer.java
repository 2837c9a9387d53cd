package dev.tokensmith.core.diff;

import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.Tokenizer;
import java.util.Objects;

/**
 * A tokenizer seen only through what differential testing compares: token ids, offsets and decoded text.
 *
 * <p>The test suites implement it over the oracles (HF tokenizers through DJL, tiktoken through JTokkit);
 * {@link #of(String, Tokenizer)} adapts a Tokensmith {@link Tokenizer}, so that {@link DifferentialCheck} can
 * compare any two. An implementation that cannot handle an input (for example text its binding cannot pass to
 * native code unchanged) throws; the check then counts the input as not comparable instead of as a mismatch.
 */
public interface ReferenceTokenizer {

    /** A short name for reports, such as {@code djl:llama3}. */
    String name();

    /**
     * Encodes {@code text} as one sequence, without truncation or padding.
     *
     * @param addSpecialTokens whether the post-processor adds its special tokens (HF's {@code add_special_tokens})
     */
    Encoded encode(String text, boolean addSpecialTokens);

    /** Decodes {@code ids} to text, dropping special tokens when {@code skipSpecialTokens}. */
    String decode(int[] ids, boolean skipSpecialTokens);

    /** Whether {@link #encode} reports offsets; when false, {@link Encoded#offsets()} is null. */
    default boolean supportsOffsets() {
        return true;
    }

    /**
     * One encoding: ids, offsets as {start0, end0, start1, end1, ...} in UTF-16 units of the input (null when
     * not supported; tokens added by the post-processor have (0, 0)), and the token strings when known (else null).
     */
    record Encoded(int[] ids, int[] offsets, String[] tokens) {
        public Encoded {
            Objects.requireNonNull(ids, "ids");
            if (offsets != null && offsets.length != 2 * ids.length) {
                throw new IllegalArgumentException(
                        "offsets must hold a start and an end per id: " + offsets.length + " for " + ids.length);
            }
            if (tokens != null && tokens.length != ids.length) {
                throw new IllegalArgumentException("tokens must hold one string per id");
            }
        }

        public static Encoded idsOnly(int[] ids) {
            return new Encoded(ids, null, null);
        }

        public int size() {
            return ids.length;
        }
    }

    /** A Tokensmith tokenizer as one side of a comparison. */
    static ReferenceTokenizer of(String name, Tokenizer tokenizer) {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(name, "name");
        return new ReferenceTokenizer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Encoded encode(String text, boolean addSpecialTokens) {
                Encoding e = tokenizer.encode(text, addSpecialTokens);
                return new Encoded(e.ids(), e.offsets(), e.tokens());
            }

            @Override
            public String decode(int[] ids, boolean skipSpecialTokens) {
                return tokenizer.decode(ids, skipSpecialTokens);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
