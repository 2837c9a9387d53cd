package dev.tokensmith.transplant.align;

import static dev.tokensmith.transplant.align.ReleasedTokenizers.vocab;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.format.MergeableRanks;
import dev.tokensmith.core.format.Tiktoken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The canonical bytes of every ordinary token equal what the tokenizer's own decoder writes for that token in the
 * middle of a text: the spelling rules and the decoders agree, token by token, over whole vocabularies.
 */
class DecoderAgreementTest {
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "llama2", "r50k_base", "claude"})
    void everyOrdinaryTokenDecodesToItsCanonicalBytes(String name) {
        CanonicalVocab v = vocab(name);
        MidText decoder = new MidText(v.tokenizer());
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (int id = 0; id < v.idLimit(); id++) {
            if (!v.has(id) || v.isSpecial(id)) {
                continue;
            }
            checked++;
            if (!Arrays.equals(decoder.bytes(id), v.bytes(id)) && mismatches.size() < 10) {
                mismatches.add(id + " " + v.token(id));
            }
        }
        assertThat(checked).isGreaterThan(30_000);
        assertThat(mismatches).isEmpty();
    }

    /** A tiktoken encoding's tokens are its rank file's bytes, rank for id. */
    @ParameterizedTest
    @ValueSource(strings = {"r50k_base", "cl100k_base"})
    void tiktokenTokensAreTheirRankBytes(String name) {
        MergeableRanks ranks = Tiktoken.builtin(name).ranks();
        CanonicalVocab v = vocab(name);
        for (int i = 0; i < ranks.size(); i++) {
            assertThat(v.bytes(ranks.rankAt(i))).isEqualTo(ranks.bytesAt(i));
        }
        assertThat(v.size() - v.specials().tokens().size()).isEqualTo(ranks.size());
    }

    /**
     * BERT's decoder puts a space before every word-initial token, then its cleanup glues some punctuation back
     * ({@code " ,"} becomes {@code ","}). The canonical form glues all punctuation and unspaced scripts: there it
     * equals the decoder's bytes without their first space.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bert"})
    void wordPieceTokensDecodeToTheirCanonicalBytesUpToTheSpaceBeforePunctuation(String name) {
        CanonicalVocab v = vocab(name);
        MidText decoder = new MidText(v.tokenizer());
        List<String> mismatches = new ArrayList<>();
        int glued = 0;
        for (int id = 0; id < v.idLimit(); id++) {
            if (!v.has(id) || v.isSpecial(id)) {
                continue;
            }
            byte[] decoded = decoder.bytes(id);
            byte[] canonical = v.bytes(id);
            String token = v.token(id);
            boolean wordInitialGlued = !token.startsWith("##") && GluedStarts.isGlued(token.codePointAt(0));
            if (wordInitialGlued && decoded.length > 0 && decoded[0] == ' ') {
                decoded = Arrays.copyOfRange(decoded, 1, decoded.length);
                glued++;
            }
            if (!Arrays.equals(decoded, canonical) && mismatches.size() < 10) {
                mismatches.add(id + " " + token + " -> [" + new String(decoded, java.nio.charset.StandardCharsets.UTF_8)
                        + "]");
            }
        }
        assertThat(glued).isGreaterThan(300);
        assertThat(mismatches).isEmpty();
    }
}
