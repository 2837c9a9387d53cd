package dev.tokensmith.transplant.align;

import static dev.tokensmith.transplant.align.ReleasedTokenizers.load;
import static dev.tokensmith.transplant.align.ReleasedTokenizers.vocab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alignment report's numbers, warnings and renderings, on Llama 2 to Llama 3 and BERT to GPT-2. */
class AlignmentReportTest {
    private static AlignmentReport report(String from, String to) {
        return AlignmentReport.of(VocabAlignment.between(vocab(from), vocab(to)), from, to);
    }

    @Test
    void classCountsAddUpToTheTotalsAndTheTargetSize() {
        AlignmentReport r = report("llama2", "llama3");
        int shared = 0;
        int added = 0;
        int dropped = 0;
        for (AlignmentReport.Counts c : r.byClass().values()) {
            shared += c.shared();
            added += c.added();
            dropped += c.dropped();
        }
        assertThat(r.total().shared()).isEqualTo(shared);
        assertThat(r.total().added()).isEqualTo(added);
        assertThat(r.total().dropped()).isEqualTo(dropped);
        assertThat(shared + added).isEqualTo(128_256);
        assertThat(r.byClass()).containsOnlyKeys(TokenClass.values());
    }

    @Test
    void llama2ToLlama3SharesAllByteTokensAndWarnsAboutNumbers() {
        AlignmentReport r = report("llama2", "llama3");
        // Llama 2's 256 byte-fallback tokens: the 128 that are not UTF-8 alone match Llama 3's byte tokens
        assertThat(r.byClass().get(TokenClass.BYTES).shared()).isEqualTo(128);
        assertThat(r.byClass().get(TokenClass.BYTES).dropped()).isZero();
        assertThat(r.byClass().get(TokenClass.NUMBER).shared()).isZero(); // Llama 2 has no multi-digit tokens
        assertThat(r.byClass().get(TokenClass.LATIN_WORD).shared()).isGreaterThan(20_000);
        assertThat(r.from().numbers().kind()).isEqualTo(NumberScheme.Kind.SINGLE_DIGITS);
        assertThat(r.to().numbers().kind()).isEqualTo(NumberScheme.Kind.FIXED_GROUPS);
        assertThat(r.warnings()).singleElement().asString().startsWith("numbers are cut differently");
        assertThat(r.byClass().get(TokenClass.SPECIAL))
                .extracting(
                        AlignmentReport.Counts::shared, AlignmentReport.Counts::added, AlignmentReport.Counts::dropped)
                .containsExactly(2, 254, 1);
    }

    @Test
    void bertToGpt2WarnsAboutNormalizationAndWordSplitting() {
        AlignmentReport r = report("bert", "r50k_base");
        assertThat(r.from().normalization())
                .isEqualTo("lowercase, strip accents, drop control characters, space around CJK ideographs");
        assertThat(r.to().normalization()).isEqualTo("none");
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).startsWith("the sides normalize text differently");
        assertThat(r.warnings().get(1)).startsWith("word-split tokens do not say whether a space preceded them");
        // both learned whole-number tokens: no number warning
        assertThat(r.from().numbers().differsFrom(r.to().numbers())).isFalse();
    }

    @Test
    void oneSourceTokenStartingTwoTargetRowsKeepsBothRowsAndSaysSo() {
        CanonicalVocab target = CanonicalVocab.of(load("llama3"), Map.of(SpecialRole.CLS, "<|start_header_id|>"));
        VocabAlignment a = VocabAlignment.between(vocab("llama2"), target);
        AlignmentReport r = AlignmentReport.of(a, "llama2", "llama3");
        assertThat(a.specialRows())
                .filteredOn(x -> "<s>".equals(x.sourceToken()))
                .extracting(VocabAlignment.SpecialRow::targetToken)
                .containsExactly("<|begin_of_text|>", "<|start_header_id|>");
        assertThat(r.warnings())
                .anyMatch(w -> w.equals("the source token <s> starts 2 target special tokens"
                        + " (<|begin_of_text|>, <|start_header_id|>); each keeps its own row"));
    }

    @Test
    void jsonHasBothSidesCountsClassesRowsAndWarnings() {
        AlignmentReport r = report("llama2", "llama3");
        ObjectNode json = AlignmentReportJson.toJson(r);
        assertThat(json.get("from").get("family").asText()).isEqualTo("metaspace");
        assertThat(json.get("from").get("numbers").get("kind").asText()).isEqualTo("single_digits");
        assertThat(json.get("to").get("numbers").get("direction").asText()).isEqualTo("left_to_right");
        assertThat(json.get("to").get("roles").get("bos").asText()).isEqualTo("<|begin_of_text|>");
        assertThat(json.get("shared").asInt()).isEqualTo(r.total().shared());
        assertThat(json.get("new").asInt()).isEqualTo(r.total().added());
        JsonNode bytes = json.get("classes").get("bytes");
        assertThat(bytes.get("newExamples").get(0).asText()).matches(".*\\\\x[0-9A-F]{2}.*");
        assertThat(json.get("specials")).hasSize(257);
        JsonNode bos = json.get("specials").get(0);
        assertThat(bos.get("target").get("token").asText()).isEqualTo("<|begin_of_text|>");
        assertThat(bos.get("source").get("token").asText()).isEqualTo("<s>");
        assertThat(bos.get("match").asText()).isEqualTo("role");
        assertThat(json.get("warnings")).hasSize(1);
    }

    @Test
    void textShowsSidesClassTableSpecialRowsAndExamples() {
        String text = AlignmentReportText.render(report("llama2", "llama3"));
        assertThat(text)
                .startsWith("from           llama2\n  spelling     metaspace (▁ = space), byte fallback\n")
                .contains("  numbers      single digits (1234567 → 1|2|3|4|5|6|7)\n")
                .contains("  numbers      groups of up to 3, left to right (1234567 → 123|456|7)\n")
                .contains("special tokens (257 rows)\n")
                .contains("... and 237 more (237 new, 0 dropped; --json lists all)")
                .contains("\nwarnings\n  - numbers are cut differently")
                .contains("  whitespace     new      \"\\n\\n\" \"\\r\\n\"");
        assertThat(text).containsPattern("  bytes \\(partial UTF-8\\)\\s+128\\s+1224\\s+0\n");
    }
}
