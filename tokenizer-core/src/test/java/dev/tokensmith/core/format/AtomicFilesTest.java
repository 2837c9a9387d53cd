package dev.tokensmith.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void streamsContentIntoANewFileCreatingItsDirectory() throws IOException {
        Path target = dir.resolve("sub/out.bin");

        AtomicFiles.write(target, out -> {
            for (int i = 0; i < 100_000; i++) {
                out.write(i & 0xFF);
            }
        });

        byte[] content = Files.readAllBytes(target);
        assertThat(content).hasSize(100_000);
        assertThat(content[70_001]).isEqualTo((byte) (70_001 & 0xFF));
        assertThat(dir.resolve("sub")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void writesThroughAChannelAndReplacesAnExistingFile() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "an older and longer content");

        AtomicFiles.writeChannel(target, ch -> ch.write(ByteBuffer.wrap("new".getBytes(StandardCharsets.UTF_8))));

        assertThat(target).hasContent("new");
    }

    @Test
    void aFailedWriteLeavesTheTargetAsItWasAndNoTempFile() throws IOException {
        Path existing = Files.writeString(dir.resolve("kept.txt"), "old");
        Path absent = dir.resolve("never.txt");

        assertThatThrownBy(() -> AtomicFiles.write(existing, out -> {
                    out.write(new byte[1 << 17]);
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThatThrownBy(() -> AtomicFiles.writeChannel(absent, ch -> {
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");

        assertThat(existing).hasContent("old");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(existing);
        }
    }

    @Test
    void theFileIsReadableByOthersAsAnyOutputFile() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.writeString(target, "x");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void buildsADirectoryWholeReplacingAnEmptyOne() throws IOException {
        Path target = Files.createDirectories(dir.resolve("model"));

        AtomicFiles.writeDirectory(target, d -> {
            Files.writeString(d.resolve("config.json"), "{}");
            Files.createDirectories(d.resolve("sub"));
            Files.writeString(d.resolve("sub/weights.bin"), "w");
        });

        assertThat(target.resolve("config.json")).hasContent("{}");
        assertThat(target.resolve("sub/weights.bin")).hasContent("w");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(target);
        }
    }

    @Test
    void aFailedDirectoryLeavesNothingAndANonEmptyTargetIsKept() throws IOException {
        Path absent = dir.resolve("never");
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("mine.txt"), "keep");

        assertThatThrownBy(() -> AtomicFiles.writeDirectory(absent, d -> {
                    Files.writeString(d.resolve("half.bin"), "h");
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThatThrownBy(() -> AtomicFiles.writeDirectory(full, d -> Files.writeString(d.resolve("x"), "x")))
                .isInstanceOf(IOException.class);

        assertThat(full.resolve("mine.txt")).hasContent("keep");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(full);
        }
    }
}
