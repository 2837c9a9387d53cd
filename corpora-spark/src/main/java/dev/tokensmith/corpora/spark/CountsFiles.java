package dev.tokensmith.corpora.spark;

import dev.tokensmith.core.format.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one place the job's sorted entries become a counts file.
 *
 * <p>Stand-in until the core's counts file format lands: it writes one {@code count<TAB>pre-token} line per
 * entry (backslash, tab, CR and LF escaped as {@code \\ \t \r \n}), atomically. Replace {@link #write} with the
 * core's streaming counts writer, given the same entries in the same order.
 */
final class CountsFiles {
    private CountsFiles() {}

    /** Hands {@code job} a sink whose entries end up in {@code out}; nothing is left at {@code out} on failure. */
    static long write(Path out, PreTokenPipeline pipeline, Job job) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long[] entries = {0};
        job.run((token, count) -> {
            buf.write(Long.toString(count).getBytes(StandardCharsets.US_ASCII));
            buf.write('\t');
            for (byte b : token) {
                switch (b) {
                    case '\\' -> buf.write("\\\\".getBytes(StandardCharsets.US_ASCII));
                    case '\t' -> buf.write("\\t".getBytes(StandardCharsets.US_ASCII));
                    case '\r' -> buf.write("\\r".getBytes(StandardCharsets.US_ASCII));
                    case '\n' -> buf.write("\\n".getBytes(StandardCharsets.US_ASCII));
                    default -> buf.write(b);
                }
            }
            buf.write('\n');
            entries[0]++;
        });
        AtomicFiles.writeBytes(out, buf.toByteArray());
        return entries[0];
    }

    @FunctionalInterface
    interface Job {
        void run(CountsSink sink) throws IOException;
    }
}
