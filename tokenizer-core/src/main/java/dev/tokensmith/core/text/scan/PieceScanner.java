package dev.tokensmith.core.text.scan;

/**
 * A split pattern's matching, hand-written: where the match starting at a position ends. The patterns behind
 * scanners match at every position (every char starts a match), so successive matches tile the text: start at
 * 0, then at each returned end, until the limit. Scanners are stateless and thread-safe; get them from {@link
 * PieceScanners}.
 */
public interface PieceScanner {
    /**
     * The end (exclusive) of the match that starts at {@code start}, reading {@code text[start, limit)} as the
     * whole input: nothing before {@code start} is looked at, and {@code limit} is the end of input for anchors
     * and lookaheads (a surrogate pair cut by {@code limit} is a lone surrogate). The text is a char array
     * because hot loops read it char by char: array reads cost less than {@code String.charAt}, which checks the
     * string's coding on every call.
     *
     * @param start where the match starts, {@code start < limit}
     * @param limit the end of the input, at most {@code text.length}
     * @return the end of the match, {@code start < end <= limit}
     */
    int pieceEnd(char[] text, int start, int limit);

    /**
     * As {@link #pieceEnd(char[], int, int)}, reading runs of ASCII letters eight at a time from {@code ascii},
     * the {@link AsciiBytes} view of {@code text} (made for at least {@code text[0, limit)}): what a fast path
     * that scans a window many times calls.
     */
    default int pieceEnd(char[] text, byte[] ascii, int start, int limit) {
        return pieceEnd(text, start, limit);
    }
}
