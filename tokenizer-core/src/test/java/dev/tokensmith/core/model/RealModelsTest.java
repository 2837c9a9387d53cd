package dev.tokensmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.JsonField;
import dev.tokensmith.core.format.ModelJson;
import dev.tokensmith.core.text.ByteLevelAlphabet;
import dev.tokensmith.core.text.Token;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The models of released tokenizer.json files (the cache that scripts/fetch-tokenizers.sh fills), read by
 * {@link ModelJson} and run on pieces shaped as their pre-tokenizers would make them, against HF tokenizers
 * running the same model.
 */
class RealModelsTest {
    private static final String TEXT = """
            Hello world! The quick brown fox jumps over the lazy dog. naïve café déjà-vu Ærøskøbing
            こんにちは世界 你好，世界 안녕하세요 Привет мир مرحبا بالعالم שלום עולם नमस्ते दुनिया
            🤗 emojis: 👩‍👩‍👧‍👦 🇫🇷 😀😁 ∑∫√ ½ ⅐⅛⅑ 12345 3.14159 0x1F600 tabs\tand\nnewlines
            supercalifragilisticexpialidocious antidisestablishmentarianism internationalization
            zzzzzzzzzzzzzzzzzzzz aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ____________ ............""";

    private static final Map<String, JsonNode> NODES = new HashMap<>();
    private static final Map<String, Model> MODELS = new HashMap<>();

    static synchronized JsonNode modelNode(String name) {
        return NODES.computeIfAbsent(name, n -> {
            Path file = Path.of(System.getProperty("tokensmith.cache", ".cache"), "tokenizers", n + ".json");
            assertThat(file)
                    .as("run scripts/fetch-tokenizers.sh to fetch the released tokenizers")
                    .exists();
            try {
                return Json.MAPPER.readTree(file.toFile()).get("model");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<String> toList(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    static synchronized Model model(String name) {
        Model model = MODELS.get(name);
        if (model == null) {
            model = ModelJson.read(new JsonField(modelNode(name), "$.model"));
            MODELS.put(name, model);
        }
        return model;
    }

    /** Words of the sample text with a leading space, as a byte-level pre-tokenizer gives them. */
    private static List<String> byteLevelPieces() {
        List<String> out = new ArrayList<>();
        for (String word : TEXT.split("[ \n]+")) {
            for (String w : List.of(word, " " + word)) {
                byte[] b = w.getBytes(StandardCharsets.UTF_8);
                out.add(ByteLevelAlphabet.encode(b, 0, b.length));
            }
        }
        return out;
    }

    /** Words of the sample text after "▁", as SentencePiece-style normalizers give them. */
    private static List<String> metaspacePieces() {
        List<String> out = new ArrayList<>();
        for (String word : TEXT.split("[ \n]+")) {
            out.add(word);
            out.add("▁" + word);
        }
        out.add(TEXT.replace(' ', '▁'));
        return out;
    }

    private static void assertSameAsHf(String name, List<String> pieces, UnaryOperator<String> label) {
        Model model = model(name);
        try (HfModelOracle hf = HfModelOracle.of(modelNode(name))) {
            for (String piece : pieces) {
                assertThat(model.tokenize(piece))
                        .as("%s on \"%s\"", name, label.apply(piece))
                        .isEqualTo(hf.tokenize(piece));
            }
        }
    }

    @Test
    void llama3ModelTokenizesAsHf() {
        assertSameAsHf("llama3", byteLevelPieces(), p -> p);
    }

    @Test
    void gpt4oModelTokenizesAsHf() {
        assertSameAsHf("gpt4o", byteLevelPieces(), p -> p);
    }

    @Test
    void llama2ModelTokenizesAsHf() {
        assertSameAsHf("llama2", metaspacePieces(), p -> p);
    }

    @Test
    void bertWordPieceModelTokenizesAsHf() {
        List<String> pieces = new ArrayList<>();
        for (String word : TEXT.toLowerCase().split("[\\s\\p{Punct}]+")) {
            pieces.add(word);
        }
        assertSameAsHf("bert", pieces, p -> p);
    }

    @Test
    void theModelsSurviveAWriteAndReadBack() {
        for (String name : List.of("llama3", "gpt4o", "llama2", "bert")) {
            Model model = model(name);
            ObjectNode written = ModelJson.write(model);
            Model back = ModelJson.read(JsonField.root(written));
            assertThat(back).as(name).isEqualTo(model);
            assertThat(ModelJson.write(back)).as(name).isEqualTo(written);
        }
    }

    @Test
    void writtenFieldsAreTheOriginalOnesInHfOrder() {
        JsonNode original = modelNode("llama3");
        ObjectNode written = ModelJson.write(model("llama3"));
        assertThat(toList(written.fieldNames()))
                .containsExactly(
                        "type",
                        "dropout",
                        "unk_token",
                        "continuing_subword_prefix",
                        "end_of_word_suffix",
                        "fuse_unk",
                        "byte_fallback",
                        "ignore_merges",
                        "vocab",
                        "merges");
        assertThat(written.get("vocab")).isEqualTo(original.get("vocab"));
        assertThat(written.get("merges").get(0).toString()).isEqualTo("[\"Ġ\",\"Ġ\"]");
        assertThat(written.get("merges").size())
                .isEqualTo(original.get("merges").size());
    }

    @Test
    void llama2FallsBackToBytesForAnEmojiOutsideItsVocabulary() {
        assertThat(model("llama2").tokenize("▁🤗"))
                .containsExactly(
                        new Token(28705, "▁", 0, 1),
                        new Token(243, "<0xF0>", 1, 3),
                        new Token(162, "<0x9F>", 1, 3),
                        new Token(167, "<0xA4>", 1, 3),
                        new Token(154, "<0x97>", 1, 3));
    }

    @Test
    void llama3KeepsAWordOfItsVocabularyWhole() {
        // llama3 sets ignore_merges; HF's test_ignore_merges takes this word from it.
        assertThat(model("llama3").tokenize("Ġbelirtilen")).containsExactly(new Token(120909, "Ġbelirtilen", 0, 11));
        ObjectNode merging = modelNode("llama3").deepCopy();
        merging.put("ignore_merges", false);
        try (HfModelOracle hf = HfModelOracle.of(merging)) {
            assertThat(ModelJson.read(JsonField.root(merging)).tokenize("Ġbelirtilen"))
                    .isEqualTo(hf.tokenize("Ġbelirtilen"))
                    .extracting(Token::value)
                    .containsExactly("Ġbelir", "til", "en");
        }
    }

    @Test
    void gpt4oMergesAByteLevelWord() {
        assertThat(model("gpt4o").tokenize("Ġsupercalifragilistic"))
                .extracting(Token::value)
                .containsExactly("Ġsuper", "cal", "if", "rag", "il", "istic");
    }

    @Test
    void aMegabyteOfOneCharacterIsTokenizedAsHfDoes() {
        // Guards against quadratic merging on the real merge table; HF's own result on a 100k piece checks it.
        Model llama3 = model("llama3");
        String piece = "a".repeat(100_000);
        try (HfModelOracle hf = HfModelOracle.of(modelNode("llama3"))) {
            assertThat(llama3.tokenize(piece)).isEqualTo(hf.tokenize(piece));
        }
        List<Token> tokens = llama3.tokenize("a".repeat(1 << 20));
        assertThat(tokens.stream().mapToInt(t -> t.end() - t.start()).sum()).isEqualTo(1 << 20);
    }
}
