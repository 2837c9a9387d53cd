package dev.tokensmith.core.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The pre-token counts file: {@link PreTokenCounts} plus provenance on disk, compact and checked. The format is
 * documented byte by byte in {@code docs/formats/pre-token-counts.md}: a magic number and version, a JSON
 * metadata block ({@link PreTokenCountsMetadata}), the entries in unsigned byte order with front coding
 * (shared-prefix length, suffix) and varint counts, then a fixed trailer with the entry count, the total and a
 * CRC32C of everything before it. Truncated or corrupted files fail with a one-line {@link
 * PreTokenCountsFormatException} naming the file.
 *
 * <p>Both directions stream: a {@link PreTokenCountsWriter} takes entries in order and moves its temp file into
 * place only on {@link PreTokenCountsWriter#finish()}; a {@link PreTokenCountsReader} walks the entries without
 * holding them.
 *
 * <pre>{@code
 * PreTokenCountsFile.write(path, counts, PreTokenCountsMetadata.empty());
 * PreTokenCounts back = PreTokenCountsFile.read(path);
 * try (PreTokenCountsReader r = PreTokenCountsFile.open(path)) {
 *     while (r.next()) {
 *         use(r.key(), r.keyLength(), r.count());
 *     }
 * }
 * }</pre>
 */
public final class PreTokenCountsFile {
    /** The first eight bytes: {@code 0x89 'T' 'S' 'P' 'T' 'C' '\r' '\n'} (binary, and text-mode mangling shows). */
    static final byte[] MAGIC = {(byte) 0x89, 'T', 'S', 'P', 'T', 'C', '\r', '\n'};

    /** The last four bytes: present only when the writer finished. */
    static final byte[] END_MAGIC = {'T', 'S', 'P', 'E'};

    static final int VERSION = 1;

    /** Magic, version (u16), flags (u16), metadata length (u32). */
    static final int HEADER_BYTES = 16;

    /** Entry count (u64), total (u64), CRC32C (u32), end magic. */
    static final int TRAILER_BYTES = 24;

    private PreTokenCountsFile() {}

    /** A writer to {@code target}; entries must arrive sorted; nothing appears at {@code target} before finish. */
    public static PreTokenCountsWriter writer(Path target, PreTokenCountsMetadata metadata) throws IOException {
        return new PreTokenCountsWriter(target, metadata);
    }

    /** Opens {@code file} for streaming; the header and trailer are checked here, the checksum at the end. */
    public static PreTokenCountsReader open(Path file) throws IOException {
        return new PreTokenCountsReader(file);
    }

    /** Writes all of {@code counts} to {@code target} (atomically). */
    public static void write(Path target, PreTokenCounts counts, PreTokenCountsMetadata metadata) throws IOException {
        try (PreTokenCountsWriter w = writer(target, metadata)) {
            for (int i = 0; i < counts.size(); i++) {
                byte[] token = counts.bytes(i);
                w.add(token, 0, token.length, counts.count(i));
            }
            w.finish();
        }
    }

    /** Reads the whole file, checksum verified. */
    public static PreTokenCounts read(Path file) throws IOException {
        try (PreTokenCountsReader r = open(file)) {
            PreTokenCounts.SortedAppender out = PreTokenCounts.sortedAppender();
            while (r.next()) {
                out.add(r.key(), 0, r.keyLength(), r.count());
            }
            return out.build();
        }
    }

    /** The metadata block alone (header and trailer checked, entries not read). */
    public static PreTokenCountsMetadata metadata(Path file) throws IOException {
        try (PreTokenCountsReader r = open(file)) {
            return r.metadata();
        }
    }

    /** Reads every entry and the checksum; throws when anything is wrong. */
    public static void verify(Path file) throws IOException {
        try (PreTokenCountsReader r = open(file)) {
            while (r.next()) {
                // reading is the check
            }
        }
    }
}
