package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.testdata.AdversarialText;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** read → write → read gives an equal tokenizer, for every released tokenizer and every built-in. */
class TokenizerJsonRoundTripTest {
    private static final String SAMPLE = "Hello world! Ünïcödé 中文 كلمة 123456 \t\r\n  <|endoftext|> [CLS] 😀👩‍👩‍👧 x";

    static Stream<String> released() {
        return Stream.concat(ReleasedTokenizers.HF.stream(), ReleasedTokenizers.TIKTOKEN.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void writingAndReadingBackGivesTheSameDocumentAndEncodings(String name, @TempDir Path dir) throws IOException {
        Tokenizer original = ReleasedTokenizers.tokensmith(name);
        ObjectNode written = TokenizerJson.write(original);
        Path file = dir.resolve("tokenizer.json");
        TokenizerJson.write(original, file);
        Tokenizer reread = Tokenizers.fromFile(file);

        assertThat(TokenizerJson.write(reread)).isEqualTo(written);
        for (String text : new String[] {SAMPLE, AdversarialText.small().get(3).text()}) {
            assertThat(reread.encode(text, true)).isEqualTo(original.encode(text, true));
            int[] ids = original.encode(text, false).ids();
            assertThat(reread.decode(ids, false)).isEqualTo(original.decode(ids, false));
        }
    }

    static Stream<String> hfFiles() {
        return ReleasedTokenizers.HF.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hfFiles")
    void writingAReleasedFileReproducesItsDocument(String name) throws IOException {
        JsonNode released = Json.MAPPER.readTree(Files.readString(ReleasedTokenizers.path(name)));
        ObjectNode written = TokenizerJson.write(ReleasedTokenizers.tokensmith(name));
        // Every component, the added tokens, truncation and padding come back as the released file has them.
        for (String field : new String[] {
            "version",
            "truncation",
            "padding",
            "added_tokens",
            "normalizer",
            "pre_tokenizer",
            "post_processor",
            "decoder"
        }) {
            assertThat(written.get(field)).as(field).isEqualTo(released.get(field));
        }
        assertThat(written.get("model").get("vocab"))
                .isEqualTo(released.get("model").get("vocab"));
    }
}
