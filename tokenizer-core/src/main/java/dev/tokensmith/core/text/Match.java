package dev.tokensmith.core.text;

/**
 * A contiguous range {@code [start, end)} of a string (UTF-16 units) and whether a pattern matched it. A
 * pattern's matches cover the whole string in order. In {@link SplitBehavior} results, {@code isMatch}
 * means "remove this range".
 */
public record Match(int start, int end, boolean isMatch) {}
