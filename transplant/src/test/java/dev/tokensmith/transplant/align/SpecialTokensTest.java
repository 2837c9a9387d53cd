package dev.tokensmith.transplant.align;

import static dev.tokensmith.transplant.align.ReleasedTokenizers.load;
import static dev.tokensmith.transplant.align.ReleasedTokenizers.vocab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.transplant.align.SpecialTokens.Source;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Special tokens and their roles, detected on the released tokenizers. */
class SpecialTokensTest {
    private static Map<SpecialRole, String> roles(String name) {
        Map<SpecialRole, String> out = new EnumMap<>(SpecialRole.class);
        vocab(name).specials().roles().forEach((r, t) -> out.put(r, t.token()));
        return out;
    }

    @Test
    void llama2HasBosFromItsTemplateAndEosUnkFromTheirNames() {
        assertThat(roles("llama2"))
                .isEqualTo(Map.of(SpecialRole.BOS, "<s>", SpecialRole.EOS, "</s>", SpecialRole.UNK, "<unk>"));
        assertThat(vocab("llama2").specials().roles().get(SpecialRole.BOS).source())
                .isEqualTo(Source.POST_PROCESSOR);
        assertThat(vocab("llama2").specials().roles().get(SpecialRole.UNK).source())
                .isEqualTo(Source.MODEL_UNKNOWN);
    }

    @Test
    void llama3HasBeginAndEndOfText() {
        assertThat(roles("llama3"))
                .isEqualTo(Map.of(SpecialRole.BOS, "<|begin_of_text|>", SpecialRole.EOS, "<|end_of_text|>"));
        assertThat(vocab("llama3").specials().tokens()).hasSize(256);
    }

    @Test
    void bertHasAllFiveOfItsBracketedRolesAndItsUnusedPlaceholdersAreSpecial() {
        Map<SpecialRole, String> expected = new EnumMap<>(SpecialRole.class);
        expected.put(SpecialRole.PAD, "[PAD]");
        expected.put(SpecialRole.UNK, "[UNK]");
        expected.put(SpecialRole.CLS, "[CLS]");
        expected.put(SpecialRole.SEP, "[SEP]");
        expected.put(SpecialRole.MASK, "[MASK]");
        assertThat(roles("bert")).containsExactlyEntriesOf(expected);
        assertThat(vocab("bert").specials().roles().get(SpecialRole.CLS).source())
                .isEqualTo(Source.POST_PROCESSOR);
        assertThat(vocab("bert").isSpecial(load("bert").tokenToId("[unused0]"))).isTrue();
        // with a stand-in, [CLS] serves as bos
        assertThat(vocab("bert").specials().forRole(SpecialRole.BOS).token()).isEqualTo("[CLS]");
    }

    @Test
    void tiktokenEndOfTextIsEos() {
        assertThat(roles("cl100k_base")).isEqualTo(Map.of(SpecialRole.EOS, "<|endoftext|>"));
        assertThat(vocab("cl100k_base").specials().tokens().values())
                .containsExactly(
                        "<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|endofprompt|>");
    }

    @Test
    void claudeHasStartAndEndOfSequence() {
        assertThat(roles("claude")).isEqualTo(Map.of(SpecialRole.BOS, "<SOS>", SpecialRole.EOS, "<EOT>"));
    }

    @Test
    void anOverrideComesFirstAndMakesItsTokenSpecial() {
        SpecialTokens s = SpecialTokens.detect(load("llama3"), Map.of(SpecialRole.EOS, "<|eot_id|>"));
        assertThat(s.roles().get(SpecialRole.EOS).token()).isEqualTo("<|eot_id|>");
        assertThat(s.roles().get(SpecialRole.EOS).source()).isEqualTo(Source.OVERRIDE);
        SpecialTokens r = SpecialTokens.detect(load("r50k_base"), Map.of(SpecialRole.PAD, "!"));
        assertThat(r.isSpecial(load("r50k_base").tokenToId("!"))).isTrue();
        assertThat(r.roles().get(SpecialRole.PAD).token()).isEqualTo("!");
    }

    @Test
    void anOverrideNamingNoTokenIsRejected() {
        assertThatThrownBy(() -> SpecialTokens.detect(load("llama2"), Map.of(SpecialRole.PAD, "<pad>")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the pad override names \"<pad>\", which is not a token of this tokenizer");
    }

    @Test
    void rolesParseFromTheirLabels() {
        assertThat(SpecialRole.parse("EOS")).isEqualTo(SpecialRole.EOS);
        assertThatThrownBy(() -> SpecialRole.parse("start"))
                .hasMessageContaining("unknown special-token role \"start\"");
    }
}
