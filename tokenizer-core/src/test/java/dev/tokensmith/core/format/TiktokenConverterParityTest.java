package dev.tokensmith.core.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.tokensmith.core.text.IntList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The converted tokenizer.json, run by HF tokenizers (the DJL binding), gives tiktoken's token ids. The tiktoken
 * side is JTokkit for OpenAI's encodings, tiktoken's own test values, and for Claude the reference encoder over
 * the pattern's matches (Claude's pattern reads the same in Java).
 */
class TiktokenConverterParityTest {
    private static final EncodingRegistry JTOKKIT = Encodings.newLazyEncodingRegistry();

    @TempDir
    static Path dir;

    private static HuggingFaceTokenizer hf(TiktokenEncoding encoding) throws IOException {
        Path file = dir.resolve(encoding.name() + ".json");
        if (!file.toFile().exists()) {
            Json.MAPPER.writeValue(file.toFile(), TiktokenConverter.toTokenizerJson(encoding));
        }
        return HuggingFaceTokenizer.builder()
                .optTokenizerPath(file)
                .optAddSpecialTokens(false)
                .optTruncation(false)
                .optPadding(false)
                .build();
    }

    private static int[] ids(HuggingFaceTokenizer tokenizer, String text) {
        return Arrays.stream(tokenizer.encode(text).getIds())
                .mapToInt(Math::toIntExact)
                .toArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"r50k_base", "cl100k_base", "o200k_base"})
    void encodesLikeTiktoken(String name) throws IOException {
        Encoding jtokkit = JTOKKIT.getEncoding(EncodingType.fromName(name).orElseThrow());
        try (HuggingFaceTokenizer tokenizer = hf(Tiktoken.builtin(name))) {
            for (String text : TiktokenSamples.texts()) {
                assertThat(ids(tokenizer, text))
                        .as("%s: %s", name, text)
                        .containsExactly(jtokkit.encodeOrdinary(text).toArray());
            }
        }
    }

    @Test
    void reproducesTiktokensOwnExamples() throws IOException {
        try (HuggingFaceTokenizer r50k = hf(Tiktoken.builtin("r50k_base"));
                HuggingFaceTokenizer cl100k = hf(Tiktoken.builtin("cl100k_base"))) {
            // tiktoken tests/test_encoding.py test_simple, test_simple_regex, test_basic_encode
            assertThat(ids(r50k, "hello world")).containsExactly(31373, 995);
            assertThat(ids(r50k, "hello <|endoftext|>")).containsExactly(31373, 220, 50256);
            assertThat(ids(cl100k, "hello <|endoftext|>")).containsExactly(15339, 220, 100257);
            assertThat(ids(cl100k, "rer")).containsExactly(38149);
            assertThat(ids(cl100k, "'rer")).containsExactly(2351, 81);
            assertThat(ids(cl100k, "today\n ")).containsExactly(31213, 198, 220);
            assertThat(ids(cl100k, "today\n \n")).containsExactly(31213, 27907);
            assertThat(ids(cl100k, "today\n  \n")).containsExactly(31213, 14211);
            assertThat(ids(cl100k, " \u00850")).containsExactly(220, 126, 227, 15);
            // test_encode_surrogate_pairs
            assertThat(ids(cl100k, "\ud83d\udc4d")).containsExactly(9468, 239, 235);
            // test_simple_repeated
            assertThat(ids(r50k, "0".repeat(9))).containsExactly(10535, 830);
            assertThat(ids(r50k, "0".repeat(17))).containsExactly(8269, 10535, 830);
        }
    }

    @Test
    void recognisesEverySpecialTokenAtItsId() throws IOException {
        TiktokenEncoding cl100k = Tiktoken.builtin("cl100k_base");
        try (HuggingFaceTokenizer tokenizer = hf(cl100k)) {
            for (var special : cl100k.specialTokens().entrySet()) {
                assertThat(ids(tokenizer, "a" + special.getKey() + "b"))
                        .as(special.getKey())
                        .containsExactly(64, special.getValue(), 65);
            }
        }
    }

    @Test
    void encodesClaudeLikeTheReferenceEncoder() throws IOException {
        TiktokenEncoding claude = TiktokenJson.read(TiktokenJsonTest.CLAUDE);
        Pattern split = Pattern.compile(claude.pattern(), Pattern.UNICODE_CHARACTER_CLASS);
        try (HuggingFaceTokenizer tokenizer = hf(claude)) {
            for (String text : TiktokenSamples.texts()) {
                IntList expected = new IntList();
                Matcher m = split.matcher(text);
                while (m.find()) {
                    int[] piece = TiktokenBpe.encode(claude.ranks(), m.group().getBytes(UTF_8));
                    expected.addAll(piece, 0, piece.length);
                }
                assertThat(ids(tokenizer, text)).as(text).containsExactly(expected.toArray());
            }
            assertThat(ids(tokenizer, "<EOT><META_START>hi<META_END>"))
                    .startsWith(0, 2)
                    .endsWith(3);
        }
    }
}
