package dev.tokensmith.core.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.core.TokenizerFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiktokenLoadTest {
    @TempDir
    Path dir;

    private Path rankFile(String content) throws IOException {
        Path f = dir.resolve("tiny.tiktoken");
        Files.writeString(f, content, UTF_8);
        return f;
    }

    @Test
    void readsBase64TokensWithTheirRanks() throws IOException {
        // "YQ==" a, "Yg==" b, "YWI=" ab
        Path f = rankFile("YQ== 0\nYg== 1\nYWI= 2\n");

        TiktokenEncoding enc = Tiktoken.load(f, "\\S+", Map.of("<|end|>", 3));

        assertThat(enc.name()).isEqualTo("tiny");
        assertThat(enc.pattern()).isEqualTo("\\S+");
        assertThat(enc.ranks().rank("ab".getBytes(UTF_8))).isEqualTo(2);
        assertThat(enc.specialTokens()).containsExactly(Map.entry("<|end|>", 3));
        assertThat(enc.explicitVocabSize()).isEmpty();
        assertThat(enc.vocabSize()).isEqualTo(4);
    }

    @Test
    void skipsBlankLinesAndToleratesWindowsLineEnds() throws IOException {
        Path f = rankFile("YQ== 0\r\n\r\nYg== 1\r\n");

        assertThat(Tiktoken.readRanks(f).size()).isEqualTo(2);
    }

    @Test
    void namesTheFileAndLineOfBadBase64() throws IOException {
        Path f = rankFile("YQ== 0\nY*== 1\n");

        assertThatThrownBy(() -> Tiktoken.readRanks(f))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessageStartingWith(f + ": at line 2: invalid base64 \"Y*==\"");
    }

    @Test
    void refusesBase64WithoutPaddingAsTiktokenDoes() throws IOException {
        Path f = rankFile("YQ 0\n");

        assertThatThrownBy(() -> Tiktoken.readRanks(f))
                .hasMessage(f + ": at line 1: invalid base64 \"YQ\" (length not a multiple of 4)");
    }

    @Test
    void namesTheFileAndLineOfADuplicateRank() throws IOException {
        Path f = rankFile("YQ== 0\nYg== 1\nYWI= 1\n");

        assertThatThrownBy(() -> Tiktoken.readRanks(f))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessage(f + ": at line 3: duplicate rank 1");
    }

    @Test
    void namesTheFileAndLineOfADuplicateToken() throws IOException {
        Path f = rankFile("YQ== 0\nYg== 1\nYQ== 2\n");

        assertThatThrownBy(() -> Tiktoken.readRanks(f))
                .hasMessage(f + ": at line 3: duplicate token (already has rank 0), given rank 2");
    }

    @Test
    void namesTheFileAndLineOfANonIntegerRank() throws IOException {
        Path f = rankFile("YQ== 0\nYg== one\n");

        assertThatThrownBy(() -> Tiktoken.readRanks(f))
                .isInstanceOf(TokenizerFormatException.class)
                .hasMessage(f + ": at line 2: rank \"one\" is not a non-negative integer");
    }

    @Test
    void refusesNegativeAndOversizedRanks() throws IOException {
        Path negative = rankFile("YQ== -1\n");
        assertThatThrownBy(() -> Tiktoken.readRanks(negative))
                .hasMessage(negative + ": at line 1: rank \"-1\" is not a non-negative integer");

        Path huge = rankFile("YQ== 99999999999\n");
        assertThatThrownBy(() -> Tiktoken.readRanks(huge))
                .hasMessage(huge + ": at line 1: rank \"99999999999\" is out of range");
    }

    @Test
    void refusesALineWithoutExactlyTwoFields() throws IOException {
        Path f = rankFile("YQ== 0\nYg==\n");
        assertThatThrownBy(() -> Tiktoken.readRanks(f))
                .hasMessage(f + ": at line 2: expected \"<base64 token> <rank>\", found \"Yg==\"");

        Path g = rankFile("YQ== 0 extra\n");
        assertThatThrownBy(() -> Tiktoken.readRanks(g))
                .hasMessage(g + ": at line 1: expected \"<base64 token> <rank>\", found \"YQ== 0 extra\"");
    }
}
