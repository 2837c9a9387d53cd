package dev.tokensmith.corpora;

import static dev.tokensmith.corpora.Fixtures.read;
import static dev.tokensmith.corpora.Fixtures.utf8;
import static dev.tokensmith.corpora.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressedSourceTest {
    private static final String TEXT = "Grüße aus Köln\nzweite Zeile\n\n日本語の文書\n\nlast";

    @TempDir
    Path dir;

    @Test
    void gzipXzAndZstdAreDecompressed() {
        Path gz = write(dir.resolve("a.txt.gz"), Fixtures.gzip(utf8(TEXT)));
        Path xz = write(dir.resolve("a.txt.xz"), Fixtures.xz(utf8(TEXT)));
        Path zst = write(dir.resolve("a.txt.zst"), Fixtures.zstd(utf8(TEXT)));
        for (Path f : new Path[] {gz, xz, zst}) {
            assertThat(read(Corpora.open(f)))
                    .as(f.toString())
                    .containsExactly("Grüße aus Köln\nzweite Zeile", "日本語の文書", "last");
        }
    }

    @Test
    void compressionIsRecognisedByMagicBytesNotTheName() {
        Path misnamed = write(dir.resolve("plain.txt"), Fixtures.zstd(utf8(TEXT)));
        Path noSuffix = write(dir.resolve("data"), Fixtures.xz(utf8(TEXT)));
        assertThat(read(Corpora.open(misnamed))).hasSize(3);
        assertThat(read(Corpora.open(noSuffix))).hasSize(3);
    }

    @Test
    void concatenatedGzipMembersReadAsOneText() throws Exception {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(Fixtures.gzip(utf8("one\n\n")));
        both.write(Fixtures.gzip(utf8("two")));
        Path f = write(dir.resolve("cat.gz"), both.toByteArray());
        assertThat(read(Corpora.open(f))).containsExactly("one", "two");
    }

    @Test
    void invalidUtf8InsideACompressedFileNamesTheDecompressedOffset() {
        byte[] bytes = utf8("ok\n\nbad \u00e9 here");
        bytes[8] = (byte) 0xe9; // a Latin-1 é: a lead byte followed by ASCII
        Path f = write(dir.resolve("bad.txt.zst"), Fixtures.zstd(bytes));
        assertThatThrownBy(() -> read(Corpora.open(f)))
                .isInstanceOf(CorpusException.class)
                .hasMessage(f + ": invalid UTF-8 at byte offset 8 of the decompressed text");
    }

    @Test
    void corruptCompressedDataIsAnErrorNamingTheFile() {
        byte[] xz = Fixtures.xz(utf8(TEXT.repeat(20)));
        xz[xz.length / 2] ^= 0x55;
        Path f = write(dir.resolve("corrupt.txt.xz"), xz);
        assertThatThrownBy(() -> read(Corpora.open(f)))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(f + ": ");
    }
}
