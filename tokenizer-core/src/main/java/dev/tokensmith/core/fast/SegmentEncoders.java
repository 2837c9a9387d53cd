package dev.tokensmith.core.fast;

import dev.tokensmith.core.model.Bpe;
import dev.tokensmith.core.model.ByteLevelBpe;
import dev.tokensmith.core.model.Model;
import dev.tokensmith.core.model.WordPiece;
import dev.tokensmith.core.normalizer.BertNormalizer;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.BertPreTokenizer;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.pretokenizer.Sequence;
import dev.tokensmith.core.pretokenizer.Split;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.scan.PieceScanner;
import dev.tokensmith.core.text.scan.PieceScanners;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Finds the fast path for a pipeline, if there is one. */
public final class SegmentEncoders {
    private SegmentEncoders() {}

    /**
     * A fast encoder equivalent to {@code normalizer} (may be null), {@code preTokenizer} (may be null) and {@code
     * model}, or empty when the pipeline has none and must run the general way.
     */
    public static Optional<SegmentEncoder> forPipeline(Normalizer normalizer, PreTokenizer preTokenizer, Model model) {
        return forPipeline(normalizer, preTokenizer, model, PieceScanners::forPattern);
    }

    static Optional<SegmentEncoder> forPipeline(
            Normalizer normalizer,
            PreTokenizer preTokenizer,
            Model model,
            Function<String, Optional<PieceScanner>> scanners) {
        if (normalizer == null && model instanceof Bpe bpe) {
            return byteLevel(preTokenizer, bpe, scanners);
        }
        if ((normalizer == null || normalizer instanceof BertNormalizer)
                && preTokenizer instanceof BertPreTokenizer bert
                && model instanceof WordPiece wordPiece) {
            return Optional.of(new BertSegmentEncoder((BertNormalizer) normalizer, bert, wordPiece));
        }
        return Optional.empty();
    }

    /**
     * Byte-level BPE whose pieces come from one split pattern: GPT-2's ByteLevel pre-tokenizer with its regex, or
     * a Split on a pattern followed by a ByteLevel pre-tokenizer without one. Only shapes where every piece is a
     * regex match: Isolated, or Removed with invert (the pattern then names the pieces; the scanned patterns match
     * everywhere, so nothing is removed). No prefix space: it would change each segment's first piece.
     */
    private static Optional<SegmentEncoder> byteLevel(
            PreTokenizer preTokenizer, Bpe bpe, Function<String, Optional<PieceScanner>> scanners) {
        List<PreTokenizer> steps = preTokenizer instanceof Sequence seq
                ? seq.preTokenizers()
                : preTokenizer == null ? List.of() : List.of(preTokenizer);
        String pattern;
        if (steps.size() == 1 && steps.get(0) instanceof ByteLevel bl) {
            if (bl.config().addPrefixSpace() || !bl.config().useRegex()) {
                return Optional.empty();
            }
            pattern = ByteLevel.GPT2_REGEX;
        } else if (steps.size() == 2 && steps.get(0) instanceof Split split && steps.get(1) instanceof ByteLevel bl) {
            if (bl.config().addPrefixSpace() || bl.config().useRegex() || split.kind() != Split.Kind.REGEX) {
                return Optional.empty();
            }
            boolean piecesAreMatches = (split.behavior() == SplitBehavior.ISOLATED && !split.invert())
                    || (split.behavior() == SplitBehavior.REMOVED && split.invert());
            if (!piecesAreMatches) {
                return Optional.empty();
            }
            pattern = split.pattern();
        } else {
            return Optional.empty();
        }
        Optional<PieceScanner> scanner = scanners.apply(pattern);
        Optional<ByteLevelBpe> compiled = scanner.isPresent() ? bpe.byteLevel() : Optional.empty();
        if (scanner.isEmpty() || compiled.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ByteLevelSegmentEncoder(scanner.get(), compiled.get()));
    }
}
