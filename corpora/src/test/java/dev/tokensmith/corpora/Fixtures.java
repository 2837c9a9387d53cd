package dev.tokensmith.corpora;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Small test files, written in the tests' temporary directories. */
public final class Fixtures {
    private Fixtures() {}

    public static List<String> read(TextSource source) {
        try (Stream<String> docs = source.documents()) {
            return docs.toList();
        }
    }

    public static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(byte[] bytes) {
        return compress(bytes, GZIPOutputStream::new);
    }

    public static byte[] xz(byte[] bytes) {
        return compress(bytes, out -> new XZOutputStream(out, new LZMA2Options()));
    }

    public static byte[] zstd(byte[] bytes) {
        return compress(bytes, ZstdOutputStream::new);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] bytes, Compressor compressor) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = compressor.wrap(buffer)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
