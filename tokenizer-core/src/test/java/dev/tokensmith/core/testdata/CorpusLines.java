package dev.tokensmith.core.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the corpus format (UTF-8 lines; documents separated by empty lines) as blocks of lines, each line with
 * the byte offset where it starts in the decompressed file, so that any sampled text can be found again.
 * Splits on {@code \n} only: a {@code \r} stays in the line, exactly as in the file.
 */
final class CorpusLines {
    /** One line of a file (without its {@code \n}) and its byte offset. */
    record Line(long offset, String text) {}

    /** Lines between empty lines, and how many empty lines came before them. */
    record Block(int emptyLinesBefore, List<Line> lines) {}

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long offset;
    private boolean eof;
    private byte[] line = new byte[256];
    private int emptyLinesCarried;

    CorpusLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the file. */
    Line nextLine() throws IOException {
        int n = 0;
        long start = offset;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    return n == 0 && offset == start ? null : finish(start, n);
                }
            }
            int i = pos;
            while (i < limit && buf[i] != '\n') {
                i++;
            }
            int len = i - pos;
            if (n + len > line.length) {
                line = Arrays.copyOf(line, Math.max(2 * line.length, n + len));
            }
            System.arraycopy(buf, pos, line, n, len);
            n += len;
            offset += len;
            pos = i;
            if (i < limit) {
                pos++;
                offset++;
                return finish(start, n);
            }
        }
    }

    private Line finish(long start, int n) {
        return new Line(start, new String(line, 0, n, StandardCharsets.UTF_8));
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        if (r <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = r;
        return true;
    }

    /** The next block of non-empty lines, or null at the end of the file. */
    Block nextBlock() throws IOException {
        int empty = emptyLinesCarried;
        emptyLinesCarried = 0;
        List<Line> lines = new ArrayList<>();
        Line l;
        while ((l = nextLine()) != null) {
            if (l.text().isEmpty()) {
                if (!lines.isEmpty()) {
                    emptyLinesCarried = 1;
                    return new Block(empty, lines);
                }
                empty++;
            } else {
                lines.add(l);
            }
        }
        return lines.isEmpty() ? null : new Block(empty, lines);
    }
}
