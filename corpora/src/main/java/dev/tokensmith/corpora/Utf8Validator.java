package dev.tokensmith.corpora;

/**
 * Strict UTF-8 validation over bytes fed in pieces (a sequence may span two pieces): rejects stray continuation
 * bytes, overlong forms, surrogates, code points above U+10FFFF and sequences cut short. Reports the offset of
 * the first byte of the first invalid sequence.
 */
final class Utf8Validator {
    private long position;
    private long sequenceStart;
    private int pending;
    private int low = 0x80;
    private int high = 0xbf;

    /** Validates the next {@code length} bytes; returns -1, or the offset (from the first byte fed) of the error. */
    long feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (pending == 0) {
                while (i < end && bytes[i] >= 0) {
                    i++;
                }
                if (i == end) {
                    break;
                }
                sequenceStart = position + (i - offset);
                if (!lead(bytes[i] & 0xff)) {
                    return sequenceStart;
                }
            } else {
                int c = bytes[i] & 0xff;
                if (c < low || c > high) {
                    return sequenceStart;
                }
                pending--;
                low = 0x80;
                high = 0xbf;
            }
            i++;
        }
        position += length;
        return -1;
    }

    /** Call at the end of the input: returns -1, or the offset of a sequence that was cut short. */
    long finish() {
        return pending == 0 ? -1 : sequenceStart;
    }

    /** Offset of the first invalid sequence in the range, relative to {@code offset}; -1 when it is valid. */
    static long firstInvalid(byte[] bytes, int offset, int length) {
        Utf8Validator v = new Utf8Validator();
        long bad = v.feed(bytes, offset, length);
        return bad >= 0 ? bad : v.finish();
    }

    private boolean lead(int c) {
        if (c >= 0xc2 && c <= 0xdf) {
            expect(1, 0x80, 0xbf);
        } else if (c == 0xe0) {
            expect(2, 0xa0, 0xbf);
        } else if (c >= 0xe1 && c <= 0xef && c != 0xed) {
            expect(2, 0x80, 0xbf);
        } else if (c == 0xed) {
            expect(2, 0x80, 0x9f);
        } else if (c == 0xf0) {
            expect(3, 0x90, 0xbf);
        } else if (c >= 0xf1 && c <= 0xf3) {
            expect(3, 0x80, 0xbf);
        } else if (c == 0xf4) {
            expect(3, 0x80, 0x8f);
        } else {
            return false;
        }
        return true;
    }

    private void expect(int count, int firstLow, int firstHigh) {
        pending = count;
        low = firstLow;
        high = firstHigh;
    }
}
