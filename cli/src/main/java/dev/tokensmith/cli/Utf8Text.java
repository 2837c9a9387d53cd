package dev.tokensmith.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding: malformed or truncated sequences are an error naming the byte offset, never replaced
 * with U+FFFD (which would silently change the tokens). A byte order mark is kept as the character it is.
 */
final class Utf8Text {
    private Utf8Text() {}

    /** The text of {@code bytes}; {@code source} names where they came from in the error. */
    static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw new BadInputException(source + ": invalid UTF-8 at byte offset " + in.position() + " (byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + ")");
        }
        return out.flip().toString();
    }
}
