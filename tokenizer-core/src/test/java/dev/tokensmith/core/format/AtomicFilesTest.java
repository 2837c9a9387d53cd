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
}
