package dev.tokensmith.corpora;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/** Compressions recognised by their magic bytes (the file name is not trusted). */
enum Compression {
    NONE(new byte[0]),
    GZIP(new byte[] {0x1f, (byte) 0x8b}),
    XZ(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
    ZSTD(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

    static final int MAGIC_LENGTH = 6;
    private static final int BUFFER = 1 << 16;

    private final byte[] magic;

    Compression(byte[] magic) {
        this.magic = magic;
    }

    /** The compression whose magic starts {@code head} (of which {@code length} bytes were read). */
    static Compression sniff(byte[] head, int length) {
        for (Compression c : values()) {
            if (c != NONE && startsWith(head, length, c.magic)) {
                return c;
            }
        }
        return NONE;
    }

    static boolean startsWith(byte[] head, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Decompresses {@code in} (buffered); concatenated members/streams/frames are read as one. */
    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            case XZ -> new BufferedInputStream(new XZInputStream(in), BUFFER);
            case ZSTD -> new BufferedInputStream(new ZstdInputStream(in), BUFFER);
        };
    }

    /** {@code name} without a trailing compression suffix ({@code .gz}, {@code .xz}, {@code .zst}, {@code .zstd}). */
    static String stripSuffix(String name) {
        for (String suffix : new String[] {".gz", ".xz", ".zst", ".zstd"}) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
