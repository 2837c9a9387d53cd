package dev.tokensmith.core.text.scan;

/** Finds pre-tokens the way a split regex does, without a regex engine. */
public interface PieceScanner {
    /**
     * The end (exclusive) of the piece that starts at {@code start}, when {@code text[start, limit)} is the whole
     * input ({@code limit} acts as the end of input for anchors and lookaheads); {@code start < limit}, and the
     * result is greater than {@code start}.
     */
    int pieceEnd(String text, int start, int limit);
}
