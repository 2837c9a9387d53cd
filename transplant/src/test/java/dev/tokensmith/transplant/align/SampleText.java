package dev.tokensmith.transplant.align;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * sample.txt beside this class: prose, numbers, code with tabs and indentation, and sentences in Latin, Cyrillic,
 * Greek, Arabic, Devanagari, Han, kana and Hangul script, one per line.
 */
final class SampleText {
    private SampleText() {}

    static List<String> lines() {
        try (InputStream in = SampleText.class.getResourceAsStream("sample.txt")) {
            if (in == null) {
                throw new IllegalStateException("sample.txt is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
