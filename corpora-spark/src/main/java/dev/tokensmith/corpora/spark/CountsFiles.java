package dev.tokensmith.corpora.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one place the job's sorted entries become a counts file.
 *
 * <p>Stand-in until the core's counts file format lands: it streams one {@code count<TAB>pre-token} line per
 * entry (backslash, tab, CR and LF escaped as {@code \\ \t \r \n}) into a temp file beside {@code out} and moves
 * it into place at the end. Replace the body of {@link #write} with the core's streaming counts writer, given the
 * same entries in the same order.
 */
final class CountsFiles {
    private CountsFiles() {}

    /**
     * Hands {@code job} a sink whose entries end up in {@code out}; nothing is left at {@code out} on failure. The
     * pipeline is for the file's provenance (the core's format records it).
     */
    static long write(Path out, PreTokenPipeline pipeline, Job job) throws IOException {
        Path target = out.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        long[] entries = {0};
        try {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                job.run((token, count) -> {
                    o.write(Long.toString(count).getBytes(StandardCharsets.US_ASCII));
                    o.write('\t');
                    for (byte b : token) {
                        switch (b) {
                            case '\\' -> o.write(new byte[] {'\\', '\\'});
                            case '\t' -> o.write(new byte[] {'\\', 't'});
                            case '\r' -> o.write(new byte[] {'\\', 'r'});
                            case '\n' -> o.write(new byte[] {'\\', 'n'});
                            default -> o.write(b);
                        }
                    }
                    o.write('\n');
                    entries[0]++;
                });
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return entries[0];
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @FunctionalInterface
    interface Job {
        void run(CountsSink sink) throws IOException;
    }
}
