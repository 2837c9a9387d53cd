package dev.tokensmith.core.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import org.junit.jupiter.api.Test;

class TiktokenBuiltinTest {
    private static final EncodingRegistry JTOKKIT = Encodings.newLazyEncodingRegistry();

    @Test
    void r50kBaseHasGpt2sVocabularyAndEndOfText() {
        TiktokenEncoding enc = Tiktoken.builtin("r50k_base");

        assertThat(enc.ranks().size()).isEqualTo(50256);
        assertThat(enc.specialTokens()).containsExactly(entry("<|endoftext|>", 50256));
        assertThat(enc.explicitVocabSize()).hasValue(50257);
        assertThat(enc.explicitVocabSizeHolds()).isTrue();
        assertThat(enc.pattern()).isEqualTo(Tiktoken.R50K_PATTERN);
    }

    @Test
    void p50kBaseSkipsRank50256ForEndOfText() {
        TiktokenEncoding enc = Tiktoken.builtin("p50k_base");

        assertThat(enc.ranks().size()).isEqualTo(50280);
        assertThat(enc.ranks().containsRank(50256)).isFalse();
        assertThat(enc.ranks().maxRank()).isEqualTo(50280);
        assertThat(enc.specialTokens()).containsExactly(entry("<|endoftext|>", 50256));
        assertThat(enc.explicitVocabSize()).hasValue(50281);
        assertThat(enc.explicitVocabSizeHolds()).isTrue();
    }

    @Test
    void p50kEditAddsTheFillInTheMiddleTokensToP50k() {
        TiktokenEncoding enc = Tiktoken.builtin("p50k_edit");

        assertThat(enc.ranks()).isSameAs(Tiktoken.builtin("p50k_base").ranks());
        assertThat(enc.specialTokens())
                .containsExactly(
                        entry("<|endoftext|>", 50256),
                        entry("<|fim_prefix|>", 50281),
                        entry("<|fim_middle|>", 50282),
                        entry("<|fim_suffix|>", 50283));
        assertThat(enc.explicitVocabSize()).isEmpty();
        assertThat(enc.vocabSize()).isEqualTo(50284);
    }

    @Test
    void cl100kBaseHasItsFiveSpecialTokensAfterAGap() {
        TiktokenEncoding enc = Tiktoken.builtin("cl100k_base");

        assertThat(enc.ranks().size()).isEqualTo(100256);
        assertThat(enc.ranks().maxRank()).isEqualTo(100255);
        assertThat(enc.specialTokens())
                .containsExactly(
                        entry("<|endoftext|>", 100257),
                        entry("<|fim_prefix|>", 100258),
                        entry("<|fim_middle|>", 100259),
                        entry("<|fim_suffix|>", 100260),
                        entry("<|endofprompt|>", 100276));
        assertThat(enc.vocabSize()).isEqualTo(100277);
        assertThat(enc.pattern()).isEqualTo(Tiktoken.CL100K_PATTERN);
    }

    @Test
    void o200kBaseHasItsTwoSpecialTokens() {
        TiktokenEncoding enc = Tiktoken.builtin("o200k_base");

        assertThat(enc.ranks().size()).isEqualTo(199998);
        assertThat(enc.ranks().maxRank()).isEqualTo(199997);
        assertThat(enc.specialTokens())
                .containsExactly(entry("<|endoftext|>", 199999), entry("<|endofprompt|>", 200018));
        assertThat(enc.vocabSize()).isEqualTo(200019);
        assertThat(enc.pattern()).isEqualTo(Tiktoken.O200K_PATTERN);
    }

    @Test
    void everyBuiltinTokenHasTheIdJtokkitGivesItsBytes() {
        for (String name : Tiktoken.builtinNames()) {
            TiktokenEncoding enc = Tiktoken.builtin(name);
            Encoding jtokkit = JTOKKIT.getEncoding(EncodingType.fromName(name).orElseThrow());
            MergeableRanks ranks = enc.ranks();
            for (int i = 0; i < ranks.size(); i += 97) {
                IntArrayList one = new IntArrayList();
                one.add(ranks.rankAt(i));
                assertThat(jtokkit.decodeBytes(one))
                        .as(name + " rank " + ranks.rankAt(i))
                        .isEqualTo(ranks.bytesAt(i));
            }
        }
    }

    @Test
    void builtinsAreLoadedOnceAndShared() {
        assertThat(Tiktoken.builtin("cl100k_base")).isSameAs(Tiktoken.builtin("cl100k_base"));
    }

    @Test
    void refusesAnUnknownName() {
        assertThatThrownBy(() -> Tiktoken.builtin("gpt5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown tiktoken encoding \"gpt5\" (built in: r50k_base, p50k_base, p50k_edit,"
                        + " cl100k_base, o200k_base)");
    }

    @Test
    void encodesTiktokensOwnExamplesThroughTheReferenceEncoder() {
        // tiktoken tests/test_encoding.py test_encode_bytes: b" \xec\x8b\xa4\xed" is one cl100k token
        byte[] piece = {' ', (byte) 0xec, (byte) 0x8b, (byte) 0xa4, (byte) 0xed};
        assertThat(TiktokenBpe.encode(Tiktoken.builtin("cl100k_base").ranks(), piece))
                .containsExactly(62085);
        // test_simple_repeated (gpt2 = r50k_base ranks): "0000000000000000" is one token
        assertThat(TiktokenBpe.encode(
                        Tiktoken.builtin("r50k_base").ranks(), "0".repeat(16).getBytes(UTF_8)))
                .containsExactly(25645);
    }
}
