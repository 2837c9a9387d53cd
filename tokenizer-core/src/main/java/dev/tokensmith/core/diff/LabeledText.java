package dev.tokensmith.core.diff;

import java.util.Objects;

/**
 * An input text with a label saying where it came from (a corpus file and byte offset, a generator name), so that
 * a mismatch report points at something reproducible.
 */
public record LabeledText(String label, String text) {
    public LabeledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }

    /** The label and the length only: inputs can be megabytes long. */
    @Override
    public String toString() {
        return label + " (" + text.length() + " chars)";
    }
}
