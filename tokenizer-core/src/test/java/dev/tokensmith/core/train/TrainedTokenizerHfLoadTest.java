package dev.tokensmith.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.diff.DifferentialCheck;
import dev.tokensmith.core.diff.DifferentialResult;
import dev.tokensmith.core.diff.DjlReference;
import dev.tokensmith.core.diff.LabeledText;
import dev.tokensmith.core.diff.ReferenceTokenizer;
import dev.tokensmith.core.format.TokenizerJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A trained tokenizer is a real tokenizer.json: HF tokenizers (through DJL) loads the file we write and encodes
 * held-out text to the same ids, offsets and decoded text as Tokensmith does, special tokens and the padding
 * tokens included.
 */
class TrainedTokenizerHfLoadTest {
    private static List<String> training;
    private static List<LabeledText> heldOut;

    @BeforeAll
    static void corpus() {
        List<String> files = List.of("nl/en", "nl/de", "nl/ru", "nl/zh-cn", "code/python");
        training = BpeTrainerParityTest.documents(corpusSpec(files, 60_000));
        List<String> more = BpeTrainerParityTest.documents(corpusSpec(files, 120_000));
        heldOut = new ArrayList<>();
        for (String doc : more) {
            if (!training.contains(doc)) {
                heldOut.add(new LabeledText("held-out", doc));
            }
        }
        heldOut.add(new LabeledText(
                "specials",
                "<|endoftext|>x<|begin_of_text|> <|start|>  <|pad|>\n\n<|reserved_special_token_3|>a     b\n\n\n\nc"));
        assertThat(heldOut).hasSizeGreaterThan(20);
    }

    private static ObjectNode corpusSpec(List<String> files, long perFileBytes) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        files.forEach(spec.putArray("files")::add);
        spec.put("per_file_bytes", perFileBytes);
        return spec;
    }

    @ParameterizedTest
    @EnumSource(TrainingTemplate.class)
    void hfLoadsTheFileAndEncodesHeldOutTextIdentically(TrainingTemplate template, @TempDir Path dir)
            throws IOException {
        PreTokenCounts counts = PreTokens.of(template).count(training);
        BpeTrainingResult result = template.trainer().vocabSize(1500).build().train(counts);
        Path file = dir.resolve("tokenizer.json");
        VocabPadding padding = template == TrainingTemplate.CHAR_LEVEL
                ? VocabPadding.toPowerOfTwo(VocabPadding.Filler.WHITESPACE)
                : VocabPadding.toMultipleOf(128, VocabPadding.Filler.RESERVED);
        TokenizerJson.write(padding.apply(template.tokenizer(result)), file);

        Tokenizer ours = Tokenizers.fromFile(file).withoutTruncationOrPadding();
        assertThat(ours.vocabSize(true))
                .isEqualTo(padding.targetSize(result.vocab().size()));
        try (DjlReference hf = DjlReference.load(template.id(), file)) {
            for (boolean addSpecial : new boolean[] {false, true}) {
                DifferentialResult r = new DifferentialCheck(
                                DifferentialCheck.Options.defaults().withAddSpecialTokens(addSpecial))
                        .run(ReferenceTokenizer.of("tokensmith:" + template.id(), ours), hf, heldOut);
                assertThat(r.passed()).withFailMessage(r::report).isTrue();
            }
        }
    }
}
