package dev.tokensmith.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.model.Bpe;
import dev.tokensmith.core.pretokenizer.Whitespace;
import dev.tokensmith.core.testdata.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tukaani.xz.XZInputStream;

/**
 * The trainer against HF {@code tokenizers} 0.23: fixtures recorded by {@code scripts/train-parity-fixtures.py}
 * on the GPU machine hold what HF learned on the first documents of shared corpus files; this test rebuilds the
 * same documents (checked by sha256), counts pre-tokens with the same pipeline, trains with the same settings and
 * requires the same vocabulary (token by id) and the same merges in the same order.
 */
class BpeTrainerParityTest {
    static Stream<String> cases() {
        return Stream.of(
                "gpt2-en-2k",
                "gpt2-multi-8k-maxlen5",
                "llama3-multi-16k",
                "qwen2-multi-4k",
                "kl3m-char-4k",
                "kl3m-char-16k",
                "minfreq-stop",
                "whitespace-limit-alphabet");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void learnsWhatHfLearns(String name) {
        JsonNode fixture = fixture(name);
        List<String> docs = documents(fixture.get("corpus"));
        assertThat(sha256(String.join("\n\n", docs)))
                .as("documents rebuilt from the shared corpus")
                .isEqualTo(fixture.get("corpus")
                        .get("sha256_of_documents_joined_by_blank_lines")
                        .asText());
        assertThat(fixture.get("deterministic").asBoolean())
                .as("HF trained the same twice")
                .isTrue();

        String template = fixture.get("template").asText();
        PreTokens pipeline = template.equals("whitespace")
                ? PreTokens.of(null, new Whitespace())
                : PreTokens.of(TrainingTemplate.byId(template));
        BpeTrainingResult result = trainer(fixture).train(pipeline.count(docs));

        JsonNode model = fixture.get("tokenizer").get("model");
        List<String> expectedVocab = new ArrayList<>();
        model.get("vocab").properties().forEach(e -> {
            int id = e.getValue().asInt();
            while (expectedVocab.size() <= id) {
                expectedVocab.add(null);
            }
            expectedVocab.set(id, e.getKey());
        });
        List<Bpe.Merge> expectedMerges = new ArrayList<>();
        for (JsonNode m : model.get("merges")) {
            expectedMerges.add(new Bpe.Merge(m.get(0).asText(), m.get(1).asText()));
        }
        assertThat(result.vocab()).as("vocabulary by id").isEqualTo(expectedVocab);
        assertThat(result.merges()).as("merges in rank order").isEqualTo(expectedMerges);
    }

    private static BpeTrainer trainer(JsonNode fixture) {
        JsonNode s = fixture.get("settings");
        BpeTrainer.Builder b =
                BpeTrainer.builder().vocabSize(s.get("vocab_size").asInt());
        if (s.has("min_frequency")) {
            b.minFrequency(s.get("min_frequency").asLong());
        }
        if (s.has("special_tokens")) {
            List<String> specials = new ArrayList<>();
            s.get("special_tokens").forEach(t -> specials.add(t.asText()));
            b.specialTokens(specials);
        }
        if (s.has("max_token_length")) {
            b.maxTokenLength(s.get("max_token_length").asInt() - 1); // HF's N allows N - 1 characters
        }
        if (s.has("limit_alphabet")) {
            b.limitAlphabet(s.get("limit_alphabet").asInt());
        }
        if (s.has("continuing_subword_prefix")) {
            b.continuingSubwordPrefix(s.get("continuing_subword_prefix").asText());
        }
        if (s.has("end_of_word_suffix")) {
            b.endOfWordSuffix(s.get("end_of_word_suffix").asText());
        }
        switch (fixture.get("initial_alphabet").asText()) {
            case "bytelevel" -> b.initialAlphabet(TrainingTemplate.BYTE_LEVEL.defaultInitialAlphabet());
            case "U+0000..U+00FE" -> b.initialAlphabet(TrainingTemplate.CHAR_LEVEL.defaultInitialAlphabet());
            default -> {}
        }
        return b.build();
    }

    static JsonNode fixture(String name) {
        try (InputStream in = BpeTrainerParityTest.class.getResourceAsStream("/train-parity/" + name + ".json.xz")) {
            if (in == null) {
                throw new IllegalStateException("missing fixture train-parity/" + name + ".json.xz");
            }
            return Json.MAPPER.readTree(new XZInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents the fixture script took: blank-line-separated, whole, up to a byte budget per file. */
    static List<String> documents(JsonNode corpus) {
        long budget = corpus.get("per_file_bytes").asLong();
        Path corpora = TestData.dataDir().resolve("corpora");
        List<String> docs = new ArrayList<>();
        for (JsonNode f : corpus.get("files")) {
            // Whole documents within the budget lie in the first 2 × budget bytes (see the fixture script).
            String text = readXzPrefix(corpora.resolve(f.asText() + ".txt.xz"), (int) (2 * budget));
            long total = 0;
            for (String doc : text.split("\n\n", -1)) {
                if (doc.isEmpty()) {
                    continue;
                }
                int n = doc.getBytes(StandardCharsets.UTF_8).length;
                if (total + n > budget) {
                    break;
                }
                docs.add(doc);
                total += n;
            }
        }
        return docs;
    }

    private static String readXzPrefix(Path file, int bytes) {
        try (InputStream in = new XZInputStream(Files.newInputStream(file))) {
            return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
