package dev.tokensmith.core.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tokensmith.core.TokenizerFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiktokenJsonTest {
    static final Path CLAUDE =
            Path.of(System.getProperty("tokensmith.cache", "../.cache"), "tokenizers", "claude.json");

    @TempDir
    Path dir;

    private Path json(String content) throws IOException {
        Path f = dir.resolve("enc.json");
        Files.writeString(f, content, UTF_8);
        return f;
    }

    @Test
    void readsTheCompressedRanksAsConsecutiveRanksFromEachLinesOffset() throws IOException {
        // "YQ==" a, "Yg==" b, "YWI=" ab; the first field of a line is a marker nobody reads
        Path f = json("""
                {"pat_str": "\\\\S+", "special_tokens": {"<s>": 2},
                 "bpe_ranks": "! 0 YQ== Yg==\\n? 3 YWI="}
                """);

        TiktokenEncoding enc = TiktokenJson.read(f);

        assertThat(enc.name()).isEqualTo("enc");
        assertThat(enc.pattern()).isEqualTo("\\S+");
        assertThat(enc.ranks().rank("a".getBytes(UTF_8))).isZero();
        assertThat(enc.ranks().rank("b".getBytes(UTF_8))).isEqualTo(1);
        assertThat(enc.ranks().rank("ab".getBytes(UTF_8))).isEqualTo(3);
        assertThat(enc.specialTokens()).containsExactly(entry("<s>", 2));
        assertThat(enc.explicitVocabSize()).isEmpty();
    }

    @Test
    void readsPlainRanksWhenTheTextDoesNotStartWithTheMarker() throws IOException {
        Path f = json("""
                {"pat_str": "x", "bpe_ranks": "YQ== 0\\nYg== 1", "explicit_n_vocab": 2}
                """);

        TiktokenEncoding enc = TiktokenJson.read(f);

        assertThat(enc.ranks().size()).isEqualTo(2);
        assertThat(enc.explicitVocabSize()).hasValue(2);
        assertThat(enc.explicitVocabSizeHolds()).isTrue();
    }

    @Test
    void namesTheFileLineAndTokenOfBadBase64InCompressedRanks() throws IOException {
        Path f = json("""
                {"pat_str": "x", "bpe_ranks": "! 0 YQ==\\n! 1 Yg== Y!== YWI="}
                """);

        assertThatThrownBy(() -> TiktokenJson.read(f))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageStartingWith(f + ": at $.bpe_ranks line 2: token 2: invalid base64 \"Y!==\"");
    }

    @Test
    void namesTheLineOfARankRepeatedAcrossLines() throws IOException {
        Path f = json("""
                {"pat_str": "x", "bpe_ranks": "! 0 YQ== Yg==\\n! 1 YWI="}
                """);

        assertThatThrownBy(() -> TiktokenJson.read(f))
                .hasMessage(f + ": at $.bpe_ranks line 2: token 1: duplicate rank 1");
    }

    @Test
    void namesTheLineOfANonIntegerOffset() throws IOException {
        Path f = json("""
                {"pat_str": "x", "bpe_ranks": "! zero YQ=="}
                """);

        assertThatThrownBy(() -> TiktokenJson.read(f))
                .hasMessage(f + ": at $.bpe_ranks line 1: first rank \"zero\" is not a non-negative integer");
    }

    @Test
    void namesTheJsonPathOfAMissingOrMistypedField() throws IOException {
        Path missing = json("{\"bpe_ranks\": \"YQ== 0\"}");
        assertThatThrownBy(() -> TiktokenJson.read(missing))
                .hasMessage(missing + ": at $.pat_str: missing required field");

        Path mistyped = json("{\"pat_str\": \"x\", \"bpe_ranks\": \"YQ== 0\", \"special_tokens\": {\"<s>\": \"1\"}}");
        assertThatThrownBy(() -> TiktokenJson.read(mistyped))
                .hasMessage(mistyped + ": at $.special_tokens.<s>: expected an integer, found string");
    }

    @Test
    void readsAnthropicsClaudeTokenizer() throws IOException {
        TiktokenEncoding claude = TiktokenJson.read(CLAUDE);

        assertThat(claude.name()).isEqualTo("claude");
        assertThat(claude.pattern())
                .isEqualTo("'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");
        assertThat(claude.specialTokens())
                .containsExactly(
                        entry("<EOT>", 0),
                        entry("<META>", 1),
                        entry("<META_START>", 2),
                        entry("<META_END>", 3),
                        entry("<SOS>", 4));
        assertThat(claude.ranks().size()).isEqualTo(64995);
        assertThat(claude.ranks().rankAt(0)).isEqualTo(5);
        assertThat(claude.ranks().maxRank()).isEqualTo(64999);
        for (int b = 0; b < 256; b++) {
            assertThat(claude.ranks().rank(new byte[] {(byte) b}))
                    .as("byte %d", b)
                    .isNotNegative();
        }
    }

    @Test
    void claudesStatedVocabularySizeDisagreesWithTheIdsItUses() throws IOException {
        TiktokenEncoding claude = TiktokenJson.read(CLAUDE);

        // ids 0..64999 are all used (5 special tokens, then 64995 ranks), yet the file states 64739
        assertThat(claude.explicitVocabSize()).hasValue(64739);
        assertThat(claude.vocabSize()).isEqualTo(65000);
        assertThat(claude.explicitVocabSizeHolds()).isFalse();
    }
}
