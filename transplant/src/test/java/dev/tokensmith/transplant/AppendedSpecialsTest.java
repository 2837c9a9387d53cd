package dev.tokensmith.transplant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.transplant.align.SpecialRole;
import dev.tokensmith.transplant.align.VocabAlignment;
import dev.tokensmith.transplant.eval.EvalModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which of the base's special tokens are appended to a new tokenizer, and where. */
class AppendedSpecialsTest {
    static final Tokenizer BERT = dev.tokensmith.core.format.TokenizerJson.read(
            EvalModels.defaults(Path.of("target", "test-models")).baseTokenizer());

    /** GPT-2's only special token takes [SEP]'s row as a stand-in for eos; [SEP] still keeps a row of its own. */
    @Test
    void bertOnGpt2KeepsAllFiveSpecialsAfterTheLastId() {
        Tokenizer r50k = Tokenizers.load("r50k_base");
        VocabAlignment a = VocabAlignment.between(BERT, r50k);
        AppendedSpecials kept = AppendedSpecials.of(a);
        assertThat(kept.tokens())
                .extracting(AppendedSpecials.Token::content)
                .containsExactly("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
        assertThat(kept.tokens())
                .extracting(AppendedSpecials.Token::newId)
                .containsExactly(50257, 50258, 50259, 50260, 50261);
        assertThat(kept.tokens().get(2).roles()).contains(SpecialRole.CLS);
        assertThat(a.sourceOf(r50k.tokenToId("<|endoftext|>"))).isEqualTo(BERT.tokenToId("[SEP]"));
        Tokenizer extended = kept.addTo(r50k);
        assertThat(extended.encodeIds("[CLS]hi[SEP]", false)).startsWith(50259).endsWith(50260);
    }

    @Test
    void specialsMatchedByRoleOrTextAreNotAppended() {
        VocabAlignment same = VocabAlignment.between(BERT, BERT);
        assertThat(AppendedSpecials.of(same).tokens()).isEmpty();
        assertThat(AppendedSpecials.none().toText()).isEqualTo("appended no special tokens");
    }
}
