package dev.tokensmith.core;

/**
 * How encodings are padded (HF's PaddingParams). {@code fixedLength} null means "batch longest", which for a
 * single encoding only rounds up to {@code padToMultipleOf}.
 */
public record Padding(
        Integer fixedLength, boolean left, Integer padToMultipleOf, int padId, int padTypeId, String padToken) {

    Encoding apply(Encoding e) {
        int length = fixedLength != null ? fixedLength : e.size();
        if (padToMultipleOf != null && padToMultipleOf > 0 && length % padToMultipleOf != 0) {
            length += padToMultipleOf - length % padToMultipleOf;
        }
        return e.pad(length, padId, padTypeId, padToken, left);
    }
}
