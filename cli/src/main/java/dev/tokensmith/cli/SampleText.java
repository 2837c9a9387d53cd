package dev.tokensmith.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The text {@code quickstart} encodes: a few kilobytes written for Tokensmith (so free of licence questions) in
 * English and ten other languages and scripts, with some code, numbers and emoji.
 */
final class SampleText {
    static final String RESOURCE = "sample.txt";

    private SampleText() {}

    static String load() {
        try (InputStream in = SampleText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sample text " + RESOURCE + " is missing from the CLI jar");
            }
            return Utf8Text.decode(in.readAllBytes(), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
