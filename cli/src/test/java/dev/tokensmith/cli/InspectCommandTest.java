package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;

    @Test
    void badTokenizerFileIsBadInput() throws IOException {
        Path bad = Files.writeString(dir.resolve("tokenizer.json"), "{\"version\": \"1.0\"}");
        CliRun.Result r = cli().run("inspect", "-t", bad.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tokensmith: " + bad + ": at $.model: missing required field\n");
        assertThat(r.out()).isEmpty();
    }

    /** A report as TokenizerReport makes them, written out by hand. */
    private static ObjectNode report(int specialTokens) throws IOException {
        ObjectNode r = (ObjectNode) Json.MAPPER.readTree("""
                {"tokenizer": "llama.json",
                 "model": {"type": "BPE", "vocab_size": 100, "vocab_size_with_added_tokens": 103, "merges": 90,
                           "settings": {"dropout": null, "byte_fallback": true}},
                 "normalizer": null,
                 "pre_tokenizer": {"type": "Sequence", "steps": [{"type": "Split"},
                                   {"type": "Sequence", "steps": [{"type": "Digits"}]}, {"type": "ByteLevel"}]},
                 "post_processor": {"type": "TemplateProcessing"},
                 "decoder": {"type": "ByteLevel"},
                 "added_tokens": 3,
                 "special_tokens": [],
                 "truncation": {"direction": "Right", "max_length": 512},
                 "padding": null}
                """);
        for (int i = 0; i < specialTokens; i++) {
            r.withArray("special_tokens").addObject().put("id", 100 + i).put("content", "<|s" + i + "|>");
        }
        return r;
    }

    @Test
    void textShowsModelAndVocabulary() throws IOException {
        assertThat(InspectCommand.text(report(0)))
                .contains("model           BPE\n")
                .contains("vocab size      100 (103 with added tokens)\n")
                .contains("merges          90\n")
                .contains("model settings  dropout=null, byte_fallback=true\n");
    }

    @Test
    void textNestsSequenceSteps() throws IOException {
        assertThat(InspectCommand.text(report(0)))
                .contains("normalizer      none\n"
                        + "pre-tokenizer   Sequence\n"
                        + "                  Split\n"
                        + "                  Sequence\n"
                        + "                    Digits\n"
                        + "                  ByteLevel\n"
                        + "post-processor  TemplateProcessing\n"
                        + "decoder         ByteLevel\n");
    }

    @Test
    void textListsSpecialTokensWithIdsUpToALimit() throws IOException {
        String text = InspectCommand.text(report(25));
        assertThat(text)
                .contains("added tokens    3 (25 special)\n")
                .contains("special tokens  100 \"<|s0|>\"\n")
                .contains("                119 \"<|s19|>\"\n")
                .contains("... and 5 more (--json lists all)")
                .doesNotContain("<|s20|>");
    }

    @Test
    void textSaysTruncationIsDeclaredButNotApplied() throws IOException {
        assertThat(InspectCommand.text(report(0)))
                .contains("truncation      direction=\"Right\", max_length=512 (encode does not apply it)\n")
                .contains("padding         none\n");
    }
}
