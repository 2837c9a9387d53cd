package dev.tokensmith.corpora;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Documents of plain UTF-8 text (already validated upstream), cut by {@link DocumentBoundary}. Holds one buffer of
 * input and the current document, never the file. A byte order mark at the start of the file is dropped.
 */
final class PlainTextReader implements DocumentReader {
    private static final int CHUNK = 1 << 16;
    private static final byte[] NEWLINE = {'\n'};

    private final InputStream in;
    private final DocumentBoundary boundary;
    private byte[] buffer = new byte[CHUNK];
    private int position;
    private int limit;
    private boolean eof;
    private boolean started;
    private boolean wholeFileRead;
    private byte[] document = new byte[CHUNK];
    private int documentLength;
    private int lineStart;
    private int lineEnd;

    PlainTextReader(InputStream in, DocumentBoundary boundary) {
        this.in = in;
        this.boundary = boundary;
    }

    @Override
    public String next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        return switch (boundary) {
            case LINE -> nextLine();
            case BLANK_LINE -> nextParagraphs();
            case FILE -> wholeFile();
        };
    }

    private String nextLine() throws IOException {
        while (readLine()) {
            int end = lineEnd;
            if (end > lineStart && buffer[end - 1] == '\r') {
                end--;
            }
            if (end > lineStart) {
                return new String(buffer, lineStart, end - lineStart, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String nextParagraphs() throws IOException {
        documentLength = 0;
        boolean any = false;
        while (readLine()) {
            boolean blank = lineEnd == lineStart || (lineEnd == lineStart + 1 && buffer[lineStart] == '\r');
            if (blank) {
                if (any) {
                    break;
                }
                continue;
            }
            if (any) {
                append(NEWLINE, 0, 1);
            }
            append(buffer, lineStart, lineEnd - lineStart);
            any = true;
        }
        return any ? new String(document, 0, documentLength, StandardCharsets.UTF_8) : null;
    }

    private String wholeFile() throws IOException {
        if (wholeFileRead) {
            return null;
        }
        wholeFileRead = true;
        documentLength = 0;
        do {
            append(buffer, position, limit - position);
            position = limit;
        } while (fill());
        return documentLength == 0 ? null : new String(document, 0, documentLength, StandardCharsets.UTF_8);
    }

    /** Sets [lineStart, lineEnd) to the next line without its '\n'; false at the end of the input. */
    private boolean readLine() throws IOException {
        int scanned = 0; // bytes after position known to hold no '\n'; fill() keeps them after position
        while (true) {
            for (int i = position + scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    lineStart = position;
                    lineEnd = i;
                    position = i + 1;
                    return true;
                }
            }
            scanned = limit - position;
            if (!fill()) {
                if (position == limit) {
                    return false;
                }
                lineStart = position;
                lineEnd = limit;
                position = limit;
                return true;
            }
        }
    }

    /** Reads more input after the unread bytes (moving them to the front); false when the input has ended. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, grow(buffer.length));
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private void skipByteOrderMark() throws IOException {
        while (limit - position < 3 && fill()) {
            // read until three bytes are there or the input ends
        }
        if (limit - position >= 3
                && buffer[position] == (byte) 0xef
                && buffer[position + 1] == (byte) 0xbb
                && buffer[position + 2] == (byte) 0xbf) {
            position += 3;
        }
    }

    private void append(byte[] bytes, int offset, int length) {
        if (documentLength + length > document.length) {
            document = Arrays.copyOf(document, Math.max(grow(document.length), documentLength + length));
        }
        System.arraycopy(bytes, offset, document, documentLength, length);
        documentLength += length;
    }

    private static int grow(int length) {
        if (length >= Integer.MAX_VALUE - 16) {
            throw new CorpusException("a document or line longer than 2 GB");
        }
        return (int) Math.min(Integer.MAX_VALUE - 16L, 2L * length);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
