package dev.tokensmith.corpora.count;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.pretokenizer.Sequence;
import dev.tokensmith.core.pretokenizer.Split;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.scan.PieceScanner;
import dev.tokensmith.core.text.scan.PieceScanners;
import java.util.List;
import java.util.Optional;

/**
 * The normalizer and pre-tokenizer a count runs, and whether a fast splitter is provably the same.
 *
 * <p>The fast path applies when there is no normalizer and no added token, and the pre-tokens are exactly the
 * matches of a split pattern with a hand-written scanner, then rewritten byte by byte: GPT-2's {@code ByteLevel}
 * (regex on, no prefix space), or {@code Sequence[Split(regex, Isolated | Removed+invert), ByteLevel(regex off,
 * no prefix space)]} (Llama 3, Qwen2, …). The scanners match exactly as the regexes do (core tests every code
 * point), scanned patterns match at every position so the pieces tile the text, and the byte-level rewrite is
 * one character per UTF-8 byte, so raw piece bytes stand in one-to-one for the rewritten pre-tokens.
 */
final class PreTokenPipeline {
    private final Tokenizer tokenizer;
    private final Normalizer normalizer;
    private final PreTokenizer preTokenizer;
    private final PieceScanner fastScanner;

    private PreTokenPipeline(Tokenizer tokenizer, Normalizer normalizer, PreTokenizer preTokenizer, boolean allowFast) {
        this.tokenizer = tokenizer;
        this.normalizer = normalizer;
        this.preTokenizer = preTokenizer;
        boolean noAddedTokens = tokenizer == null || tokenizer.addedTokens().isEmpty();
        this.fastScanner = allowFast && noAddedTokens && normalizer == null
                ? byteLevelScanner(preTokenizer).orElse(null)
                : null;
    }

    static PreTokenPipeline of(Tokenizer tokenizer, boolean allowFast) {
        return new PreTokenPipeline(
                tokenizer,
                tokenizer.normalizer().orElse(null),
                tokenizer.preTokenizer().orElse(null),
                allowFast);
    }

    static PreTokenPipeline of(Normalizer normalizer, PreTokenizer preTokenizer, boolean allowFast) {
        return new PreTokenPipeline(null, normalizer, preTokenizer, allowFast);
    }

    boolean isFast() {
        return fastScanner != null;
    }

    /** True when splitters emit raw UTF-8 pieces that the sorted output rewrites into the byte-level alphabet. */
    boolean byteLevelKeys() {
        return fastScanner != null;
    }

    Normalizer normalizer() {
        return normalizer;
    }

    PreTokenizer preTokenizer() {
        return preTokenizer;
    }

    /** A splitter for one worker. */
    PreTokenSplitter newSplitter() {
        return fastScanner != null
                ? new ByteLevelSplitter(fastScanner)
                : new GeneralSplitter(tokenizer, normalizer, preTokenizer);
    }

    private static Optional<PieceScanner> byteLevelScanner(PreTokenizer preTokenizer) {
        List<PreTokenizer> steps = preTokenizer instanceof Sequence seq
                ? seq.preTokenizers()
                : preTokenizer == null ? List.of() : List.of(preTokenizer);
        if (steps.size() == 1 && steps.get(0) instanceof ByteLevel bl) {
            return bl.config().useRegex() && !bl.config().addPrefixSpace()
                    ? PieceScanners.forPattern(ByteLevel.GPT2_REGEX)
                    : Optional.empty();
        }
        if (steps.size() == 2 && steps.get(0) instanceof Split split && steps.get(1) instanceof ByteLevel bl) {
            boolean piecesAreMatches = (split.behavior() == SplitBehavior.ISOLATED && !split.invert())
                    || (split.behavior() == SplitBehavior.REMOVED && split.invert());
            return piecesAreMatches
                            && split.kind() == Split.Kind.REGEX
                            && !bl.config().useRegex()
                            && !bl.config().addPrefixSpace()
                    ? PieceScanners.forPattern(split.pattern())
                    : Optional.empty();
        }
        return Optional.empty();
    }
}
