package dev.tokensmith.cli.bench;

import dev.tokensmith.core.Tokenizer;
import java.util.List;

/** Tokensmith's two ways to tokenize: {@code encodeIds} (the ids, a batch API for threads) and {@code countTokens}. */
final class TokensmithEncoders {
    static final String ENCODE_IDS = "tokensmith encodeIds";

    private TokensmithEncoders() {}

    static List<BenchEncoder> of(Tokenizer tokenizer) {
        return List.of(new EncodeIds(tokenizer), new CountTokens(tokenizer));
    }

    /** {@link Tokenizer#encodeIds}; on several threads {@link Tokenizer#encodeIdsBatch}, the API for that. */
    record EncodeIds(Tokenizer tokenizer) implements BenchEncoder {
        @Override
        public String name() {
            return ENCODE_IDS;
        }

        @Override
        public Library library() {
            return Library.TOKENSMITH;
        }

        @Override
        public Operation operation() {
            return Operation.ENCODE;
        }

        @Override
        public int encode(String text) {
            return tokenizer.encodeIds(text, false).length;
        }

        @Override
        public long encodeAll(List<String> texts, Threads threads) {
            if (threads.count() == 1) {
                return threads.sum(texts, this::encode);
            }
            long total = 0;
            for (int[] ids : tokenizer.encodeIdsBatch(texts, false, threads.count())) {
                total += ids.length;
            }
            return total;
        }
    }

    /** {@link Tokenizer#countTokens}: no batch API, so the harness's threads run it. */
    record CountTokens(Tokenizer tokenizer) implements BenchEncoder {
        @Override
        public String name() {
            return "tokensmith countTokens";
        }

        @Override
        public Library library() {
            return Library.TOKENSMITH;
        }

        @Override
        public Operation operation() {
            return Operation.COUNT;
        }

        @Override
        public int encode(String text) {
            return tokenizer.countTokens(text);
        }
    }
}
