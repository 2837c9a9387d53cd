package dev.tokensmith.cli.bench;

import dev.tokensmith.core.text.Utf8;
import java.util.List;

/**
 * Texts measured together: one round encodes each of them once, and speed is their UTF-8 size over the time.
 *
 * @param name how tables name it ({@code prose}, {@code repeat-char}...)
 * @param source where the texts come from, in words
 * @param texts the texts, each encoded with one call
 * @param bytes their total size in UTF-8
 */
public record Workload(String name, String source, List<String> texts, long bytes) {
    public Workload {
        texts = List.copyOf(texts);
    }

    public static Workload of(String name, String source, List<String> texts) {
        long bytes = 0;
        for (String t : texts) {
            bytes += Utf8.length(t);
        }
        return new Workload(name, source, texts, bytes);
    }
}
