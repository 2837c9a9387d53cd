package dev.tokensmith.core.text;

/** A token produced by a model: its id, its string form, and its range in the piece it came from (UTF-16). */
public record Token(int id, String value, int start, int end) {}
