package dev.tokensmith.transplant.method;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.model.WordPiece;
import java.util.function.IntPredicate;

/**
 * How the old tokenizer splits a new token's text into old tokens: the pieces the subword baselines (FVT,
 * first, last) and TokenAdapt's local heuristic combine. Texts are canonical surface texts ({@code " the"}
 * starts a word, {@code "ing"} continues one; see {@link TransplantProblem}).
 *
 * <pre>{@code
 * OldTokenSplitter s = OldTokenSplitter.of(bertTokenizer, id -> true);
 * int[] pieces = s.split(" tokenization"); // token, ##ization
 * }</pre>
 */
public interface OldTokenSplitter {
    /** The old token ids of {@code text}, in order; only ids of the old vocabulary; may be empty. */
    int[] split(String text);

    /** The surface text of an old token (without a continuation prefix), for TokenAdapt's length weights. */
    String text(int oldId);

    /**
     * A splitter over {@code old}, using only the ids {@code allowed} accepts (the old vocabulary). A WordPiece
     * tokenizer splits a continuation text ("ing") the way it splits the rest of a word (as "##ing" pieces) by
     * a greedy longest match restricted to the allowed ids; any other tokenizer encodes the text (no special
     * tokens) and drops ids that are not allowed.
     */
    static OldTokenSplitter of(Tokenizer old, IntPredicate allowed) {
        if (old.model() instanceof WordPiece) {
            return new WordPieceSplitter(old, allowed);
        }
        return new EncodingSplitter(old, allowed);
    }
}
