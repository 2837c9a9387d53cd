package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tokensmith.core.TokenizerFormatException;
import dev.tokensmith.core.normalizer.BertNormalizer;
import dev.tokensmith.core.normalizer.ByteLevel;
import dev.tokensmith.core.normalizer.Lowercase;
import dev.tokensmith.core.normalizer.Nfc;
import dev.tokensmith.core.normalizer.Nfd;
import dev.tokensmith.core.normalizer.Nfkc;
import dev.tokensmith.core.normalizer.Nfkd;
import dev.tokensmith.core.normalizer.Nmt;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.normalizer.Precompiled;
import dev.tokensmith.core.normalizer.Prepend;
import dev.tokensmith.core.normalizer.Replace;
import dev.tokensmith.core.normalizer.Sequence;
import dev.tokensmith.core.normalizer.Strip;
import dev.tokensmith.core.normalizer.StripAccents;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerJsonTest {
    private static Normalizer read(String json) {
        try {
            return NormalizerJson.read(JsonField.root(Json.MAPPER.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String write(Normalizer n) {
        return NormalizerJson.write(n).toString();
    }

    @Test
    void readsBertNormalizerAsBertTokenizersWriteIt() {
        // bert-base-uncased / all-MiniLM-L6-v2 tokenizer.json; HF tests/serialization.rs writes the same.
        String json = "{\"type\":\"BertNormalizer\",\"clean_text\":true,\"handle_chinese_chars\":true,"
                + "\"strip_accents\":null,\"lowercase\":true}";
        assertThat(read(json)).isEqualTo(BertNormalizer.defaults());
        assertThat(write(read(json))).isEqualTo(json);
    }

    @Test
    void readsTheLlama2Sequence() {
        String json = "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"Prepend\",\"prepend\":\"▁\"},"
                + "{\"type\":\"Replace\",\"pattern\":{\"String\":\" \"},\"content\":\"▁\"}]}";
        assertThat(read(json)).isEqualTo(new Sequence(List.of(new Prepend("▁"), Replace.literal(" ", "▁"))));
        assertThat(write(read(json))).isEqualTo(json);
    }

    @Test
    void writesReplaceAsHfDoes() {
        // HF replace.rs serialization
        assertThat(write(Replace.literal("Hello", "Hey")))
                .isEqualTo("{\"type\":\"Replace\",\"pattern\":{\"String\":\"Hello\"},\"content\":\"Hey\"}");
        assertThat(write(Replace.regex("\\s+", " ")))
                .isEqualTo("{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"\\\\s+\"},\"content\":\" \"}");
    }

    @Test
    void writesUnitNormalizersAsTheirTypeAlone() {
        assertThat(write(new Nfkc())).isEqualTo("{\"type\":\"NFKC\"}");
        assertThat(write(new StripAccents())).isEqualTo("{\"type\":\"StripAccents\"}");
        assertThat(write(new Strip(true, false)))
                .isEqualTo("{\"type\":\"Strip\",\"strip_left\":true,\"strip_right\":false}");
    }

    @Test
    void everyNormalizerSurvivesARoundTrip() {
        byte[] charsmap = new byte[] {8, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 'x', 0};
        List<Normalizer> all = List.of(
                BertNormalizer.defaults(),
                new BertNormalizer(false, true, false, false),
                new Strip(false, true),
                new StripAccents(),
                new Nfc(),
                new Nfd(),
                new Nfkc(),
                new Nfkd(),
                new Lowercase(),
                new Nmt(),
                new ByteLevel(),
                new Precompiled(charsmap),
                Replace.literal("a", "b"),
                Replace.regex("(?i:x)+", ""),
                new Prepend("▁"),
                new Sequence(List.of(new Nfkd(), new Sequence(List.of(new Lowercase())))));
        for (Normalizer n : all) {
            assertThat(read(write(n))).as(write(n)).isEqualTo(n);
        }
    }

    @Test
    void precompiledCharsmapIsStandardBase64() {
        byte[] charsmap = new byte[] {8, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 'x', 0};
        String b64 = Base64.getEncoder().encodeToString(charsmap);
        String json = "{\"type\":\"Precompiled\",\"precompiled_charsmap\":\"" + b64 + "\"}";
        assertThat(read(json)).isEqualTo(new Precompiled(charsmap));
        assertThat(write(read(json))).isEqualTo(json);
    }

    @Test
    void readsTheLegacyFormWithoutType() {
        // HF normalizers/mod.rs post_processor_deserialization_no_type
        assertThat(read("{\"strip_left\":false, \"strip_right\":true}")).isEqualTo(new Strip(false, true));
        assertThat(read("{\"prepend\":\"a\"}")).isEqualTo(new Prepend("a"));
        assertThat(read("{\"clean_text\":false,\"handle_chinese_chars\":true,\"lowercase\":false}"))
                .isEqualTo(new BertNormalizer(false, true, null, false));
        assertThat(read("{\"pattern\":{\"String\":\"a\"},\"content\":\"b\"}")).isEqualTo(Replace.literal("a", "b"));
        assertThat(read("{\"normalizers\":[]}")).isEqualTo(new Sequence(List.of()));
    }

    @Test
    void rejectsALegacyFormMatchingNoNormalizer() {
        // HF normalizers/mod.rs post_processor_deserialization_no_type and normalizer_serialization
        assertThatThrownBy(() -> read("{\"trim_offsets\":true, \"add_prefix_space\":true}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("match no normalizer");
        assertThatThrownBy(() -> read("{\"type\":\"Sequence\",\"normalizers\":[{}]}"))
                .isInstanceOf(TokenizerFormatException.class)
                .extracting(e -> ((TokenizerFormatException) e).path())
                .isEqualTo("$.normalizers[0]");
    }

    @Test
    void missingFieldErrorsNameTheirJsonPath() {
        assertThatThrownBy(() -> read("{\"type\":\"Sequence\",\"prepend_scheme\":\"always\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessage("at $.normalizers: missing required field");
        assertThatThrownBy(() -> read("{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"NFC\"},"
                        + "{\"type\":\"Strip\",\"strip_left\":\"yes\",\"strip_right\":true}]}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessage("at $.normalizers[1].strip_left: expected true or false, found string");
    }

    @Test
    void unknownTypesAndBadPayloadsAreFormatErrors() {
        assertThatThrownBy(() -> read("{\"type\":\"Uppercase\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("at $.type: unsupported type \"Uppercase\"");
        assertThatThrownBy(() -> read("{\"type\":\"Precompiled\",\"precompiled_charsmap\":\"AAE=\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("at $.precompiled_charsmap: ");
        assertThatThrownBy(() -> read("{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"a\\\\Kb\"},\"content\":\"\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("at $.pattern.Regex: ");
        assertThatThrownBy(() -> read("{\"type\":\"Replace\",\"pattern\":{\"Glob\":\"*\"},\"content\":\"\"}"))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("at $.pattern: ");
    }
}
