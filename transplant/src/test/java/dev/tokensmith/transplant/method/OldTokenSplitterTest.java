package dev.tokensmith.transplant.method;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.transplant.eval.EvalModels;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The old tokenizer's view of a new token: MiniLM's WordPiece, whole and with tokens removed. */
class OldTokenSplitterTest {
    static Tokenizer bert;

    @BeforeAll
    static void load() {
        bert = EvalModels.defaults(Path.of("target", "test-models")).tokenizer().withoutTruncationOrPadding();
    }

    static String[] tokens(int[] ids) {
        return Arrays.stream(ids).mapToObj(bert::idToToken).toArray(String[]::new);
    }

    @Test
    void aWordStartSplitsAsTheTokenizerDoes() {
        OldTokenSplitter s = OldTokenSplitter.of(bert, id -> true);
        assertThat(tokens(s.split(" tokenization"))).containsExactly("token", "##ization");
        assertThat(s.split(" Hello")).containsExactly(bert.encodeIds("hello", false));
    }

    @Test
    void aContinuationSplitsIntoContinuationPieces() {
        OldTokenSplitter s = OldTokenSplitter.of(bert, id -> true);
        assertThat(tokens(s.split("ization"))).containsExactly("##ization");
        assertThat(s.text(bert.tokenToId("##ization"))).isEqualTo("ization");
    }

    @Test
    void removedTokensAreNeverUsed() {
        int token = bert.tokenToId("token");
        OldTokenSplitter s = OldTokenSplitter.of(bert, id -> id != token);
        int[] ids = s.split(" token");
        assertThat(ids).isNotEmpty().doesNotContain(token);
        assertThat(String.join("", tokens(ids)).replace("##", "")).isEqualTo("token");
    }

    @Test
    void punctuationStartsAWord() {
        OldTokenSplitter s = OldTokenSplitter.of(bert, id -> true);
        assertThat(tokens(s.split("."))).containsExactly(".");
    }
}
