package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import java.util.ArrayList;
import java.util.List;

/** Cuts every split into chunks of {@code length} code points (the last one may be shorter). */
public record FixedLength(int length) implements PreTokenizer {
    /** HF's default chunk length. */
    public static final int DEFAULT_LENGTH = 5;

    public FixedLength {
        if (length < 1) {
            // HF accepts 0 and then panics on the first input (slice::chunks(0)); fail at construction instead.
            throw new IllegalArgumentException("length must be positive: " + length);
        }
    }

    @Override
    public void preTokenize(PreTokenizedString text) {
        text.split((index, piece) -> {
            String s = piece.get();
            List<NormalizedString> chunks = new ArrayList<>(s.length() / length + 1);
            int start = 0;
            while (start < s.length()) {
                int end = start;
                for (int k = 0; k < length && end < s.length(); k++) {
                    end += Character.charCount(s.codePointAt(end));
                }
                chunks.add(piece.slice(start, end));
                start = end;
            }
            return chunks;
        });
    }
}
