package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code encode --stream}: the same ids as encoding the whole input, and strict UTF-8 as it reads. */
class EncodeStreamTest {
    @TempDir
    Path dir;

    private static String text() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            sb.append("word")
                    .append(i % 97)
                    .append(i % 13 == 0 ? ",\n\n  " : " ")
                    .append("héllo 日本語 ");
        }
        return sb.toString();
    }

    @Test
    void printsTheIdsOfTheWholeInput() throws IOException {
        Path input = Files.writeString(dir.resolve("big.txt"), text());
        CliRun.Result whole = cli().run("encode", "-t", "cl100k_base", "-i", input.toString());
        CliRun.Result streamed = cli().run("encode", "-t", "cl100k_base", "-i", input.toString(), "--stream");
        assertThat(streamed.exitCode()).isZero();
        assertThat(streamed.out()).isEqualTo(whole.out());
        CliRun.Result count =
                cli().run("encode", "-t", "cl100k_base", "-i", input.toString(), "--stream", "-f", "count");
        assertThat(count.out().trim())
                .isEqualTo(String.valueOf(whole.out().trim().split(" ").length));
    }

    @Test
    void invalidUtf8NamesTheExactByteOffset() throws IOException {
        byte[] good = text().getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 3);
        bad[good.length] = 'x';
        bad[good.length + 1] = (byte) 0xE6;
        bad[good.length + 2] = '(';
        Path input = Files.write(dir.resolve("bad.txt"), bad);
        CliRun.Result r = cli().run("encode", "-t", "cl100k_base", "-i", input.toString(), "--stream", "-f", "count");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("tokensmith: " + input + ": invalid UTF-8 at byte offset " + (good.length + 1)
                        + " (byte 0xE6)\n");
    }

    @Test
    void aTruncatedSequenceAtTheEndIsInvalid() {
        byte[] input = {'a', 'b', (byte) 0xE6, (byte) 0x97};
        CliRun.Result r = cli().stdin(input).run("encode", "-t", "cl100k_base", "--stream");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tokensmith: <stdin>: invalid UTF-8 at byte offset 2");
    }

    @Test
    void refusesFormatsThatNeedTheWholeEncoding() {
        CliRun.Result r = cli().stdin("hello").run("encode", "-t", "cl100k_base", "--stream", "-f", "json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--stream").contains("json").doesNotContain("\n\tat ");
    }
}
