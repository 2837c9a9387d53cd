package dev.tokensmith.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of a stream, for inputs too large to read whole: malformed or truncated sequences are
 * a {@link BadInputException} naming the exact byte offset (as {@link Utf8Text} does for whole inputs).
 */
final class Utf8Reader extends Reader {
    private final InputStream in;
    private final String source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private long consumed; // bytes before the buffer's start
    private boolean eof;
    private boolean flushed;

    Utf8Reader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (flushed) {
                return -1;
            }
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                long at = consumed + bytes.position();
                throw new BadInputException(source + ": invalid UTF-8 at byte offset " + at + " (byte 0x"
                        + String.format("%02X", bytes.get(bytes.position()) & 0xFF) + ")");
            }
            if (r.isOverflow()) {
                break;
            }
            if (eof) {
                decoder.flush(out);
                flushed = true;
            } else {
                refill();
            }
        }
        return out.position() - off;
    }

    private void refill() throws IOException {
        consumed += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
