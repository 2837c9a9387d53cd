package dev.tokensmith.transplant.eval;

import java.nio.file.Path;

/**
 * Settings shared by the experiments.
 *
 * @param dataDir the shared data directory (holding {@code corpora/})
 * @param sentences how many evaluation sentences
 * @param pairs how many sentence pairs the Spearman correlation samples
 * @param seed the seed of every random choice
 * @param maxLength the encoder's maximum sequence length
 * @param threads threads for the math backend and ONNX Runtime
 */
public record EvalSettings(Path dataDir, int sentences, int pairs, long seed, int maxLength, int threads) {
    public static EvalSettings defaults(Path dataDir) {
        return new EvalSettings(
                dataDir, 1200, 20_000, 42, 128, Runtime.getRuntime().availableProcessors());
    }

    public EvalSettings withSentences(int n, int pairs) {
        return new EvalSettings(dataDir, n, pairs, seed, maxLength, threads);
    }
}
