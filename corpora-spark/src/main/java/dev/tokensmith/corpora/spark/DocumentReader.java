package dev.tokensmith.corpora.spark;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The documents of one split of a plain-text corpus file: documents are separated by blank lines.
 *
 * <p>As the corpora module's {@code DocumentBoundary.BLANK_LINE}: lines end at {@code \n}; a line is blank when
 * it is empty or a lone {@code \r}; a document is a maximal run of non-blank lines kept byte for byte, without
 * its final {@code \n}; a byte order mark at the start of the file is dropped. Each document belongs to the split holding the start of the blank line just before it (the first
 * document of a file, which has none, to the split starting at 0); a split reads on past its end to finish its
 * last document. So the splits of a file together yield each of its documents exactly once, as reading the
 * whole file would.
 */
final class DocumentReader implements Closeable {
    private final InputStream in;
    private final String name;
    private final long start;
    private final long end;
    private final byte[] buf = new byte[1 << 16];
    private int bufPos;
    private int bufLen;
    /** The file offset of {@code buf[bufPos]}. */
    private long pos;

    private byte[] line = new byte[256];
    private int lineLen;
    private long lineStart;

    private byte[] doc = new byte[4096];
    private int docLen;
    private long docStart;

    private boolean started;
    private boolean done;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * @param in the file's (decompressed) bytes from offset {@code start - 1}, or from 0 when {@code start} is 0
     * @param name the file, for messages
     */
    DocumentReader(InputStream in, String name, long start, long end) {
        this.in = in;
        this.name = name;
        this.start = start;
        this.end = end;
        this.pos = start == 0 ? 0 : start - 1;
    }

    /** The next document of this split, or null when there are no more. */
    String next() throws IOException {
        if (done) {
            return null;
        }
        if (!started) {
            started = true;
            if (start > 0 && !skipToFirstBoundary()) {
                done = true;
                return null;
            }
            if (start == 0) {
                skipByteOrderMark();
            }
        }
        while (readLine()) {
            if (blank()) {
                if (lineStart >= end) {
                    done = true; // the documents after this blank line are the next split's
                }
                if (docLen > 0) {
                    return takeDocument();
                }
                if (done) {
                    return null;
                }
            } else {
                appendLine();
            }
        }
        done = true;
        return docLen > 0 ? takeDocument() : null;
    }

    /**
     * Moves past the partial line at {@code start - 1} and the lines of a document begun in an earlier split, to
     * the first blank line starting at or after {@code start}; false when the split holds no document.
     */
    private boolean skipToFirstBoundary() throws IOException {
        if (!skipPastNewline()) {
            return false;
        }
        while (readLine()) {
            if (blank()) {
                return lineStart < end;
            }
        }
        return false;
    }

    private boolean blank() {
        return lineLen == 0 || (lineLen == 1 && line[0] == '\r');
    }

    private void skipByteOrderMark() throws IOException {
        if (bufPos == bufLen && !fill()) {
            return;
        }
        while (bufLen < 3) {
            int n = in.read(buf, bufLen, buf.length - bufLen);
            if (n < 0) {
                break;
            }
            bufLen += n;
        }
        if (bufLen >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            bufPos = 3;
            pos = 3;
        }
    }

    private boolean skipPastNewline() throws IOException {
        while (true) {
            if (bufPos == bufLen && !fill()) {
                return false;
            }
            byte b = buf[bufPos++];
            pos++;
            if (b == '\n') {
                return true;
            }
        }
    }

    /** Reads one line without its terminator into {@link #line}; false at the end of input. */
    private boolean readLine() throws IOException {
        lineStart = pos;
        lineLen = 0;
        if (bufPos == bufLen && !fill()) {
            return false;
        }
        while (true) {
            if (bufPos == bufLen && !fill()) {
                break;
            }
            int from = bufPos;
            int nl = -1;
            for (int i = from; i < bufLen; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int stop = nl < 0 ? bufLen : nl;
            appendToLine(from, stop - from);
            int consumed = (nl < 0 ? bufLen : nl + 1) - from;
            bufPos += consumed;
            pos += consumed;
            if (nl >= 0) {
                break;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            bufPos = 0;
            bufLen = 0;
            return false;
        }
        bufPos = 0;
        bufLen = n;
        return true;
    }

    private void appendToLine(int from, int length) {
        if (lineLen + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + length));
        }
        System.arraycopy(buf, from, line, lineLen, length);
        lineLen += length;
    }

    private void appendLine() {
        if (docLen == 0) {
            docStart = lineStart;
        }
        int need = docLen + lineLen + 1;
        if (need > doc.length) {
            doc = Arrays.copyOf(doc, Math.max(doc.length * 2, need));
        }
        if (docLen > 0) {
            doc[docLen++] = '\n';
        }
        System.arraycopy(line, 0, doc, docLen, lineLen);
        docLen += lineLen;
    }

    private String takeDocument() {
        try {
            return utf8.decode(ByteBuffer.wrap(doc, 0, docLen)).toString();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(name + ": invalid UTF-8 in the document starting at byte " + docStart, e);
        } finally {
            docLen = 0;
            if (doc.length > 1 << 20) {
                doc = new byte[4096]; // one huge document should not pin its buffer for the rest of the split
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
