package dev.tokensmith.transplant.onnx;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Walks the fields of one protobuf message in a memory segment without copying: after each {@link #next()},
 * the field's number and wire type, its varint or fixed value, and the byte span of its payload (for
 * length-delimited fields) and of the whole field (tag included, for copying it through unchanged).
 */
final class ProtoCursor {
    static final int VARINT = 0;
    static final int I64 = 1;
    static final int LEN = 2;
    static final int I32 = 5;

    private final MemorySegment seg;
    private final long end;
    private final String where;
    private long pos;

    int number;
    int wireType;
    /** The varint value, or the raw bits of a fixed-width field. */
    long value;

    long payloadStart;
    long payloadEnd;
    long fieldStart;

    ProtoCursor(MemorySegment seg, long start, long end, String where) {
        this.seg = seg;
        this.pos = start;
        this.end = end;
        this.where = where;
    }

    boolean next() {
        if (pos >= end) {
            return false;
        }
        fieldStart = pos;
        long tag = readVarint();
        number = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        switch (wireType) {
            case VARINT -> value = readVarint();
            case I64 -> {
                need(8);
                value = seg.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), pos);
                pos += 8;
            }
            case I32 -> {
                need(4);
                value = seg.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), pos);
                pos += 4;
            }
            case LEN -> {
                long n = readVarint();
                if (n < 0) {
                    throw error("negative length");
                }
                need(n);
                payloadStart = pos;
                payloadEnd = pos + n;
                pos += n;
            }
            default -> throw error("unsupported wire type " + wireType + " (field " + number + ")");
        }
        if (number <= 0) {
            throw error("invalid field number " + number);
        }
        return true;
    }

    /** The end of the current field (the start of the next). */
    long fieldEnd() {
        return pos;
    }

    String string() {
        return new String(
                seg.asSlice(payloadStart, payloadEnd - payloadStart).toArray(ValueLayout.JAVA_BYTE),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A cursor over the current length-delimited field's payload (a sub-message or packed values). */
    ProtoCursor message() {
        return new ProtoCursor(seg, payloadStart, payloadEnd, where);
    }

    /** Reads a varint at the cursor's position within a packed payload. */
    long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            byte b = seg.get(ValueLayout.JAVA_BYTE, pos++);
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw error("malformed varint");
    }

    /** A little-endian fixed-width value at an absolute offset within this cursor's range. */
    long fixed(long offset, int width) {
        if (offset < 0 || offset + width > end) {
            throw error("packed value out of range");
        }
        return width == 4
                ? seg.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), offset)
                : seg.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), offset);
    }

    boolean hasMore() {
        return pos < end;
    }

    private void need(long n) {
        if (pos + n > end) {
            throw error("truncated message (field " + number + " runs past its end)");
        }
    }

    private OnnxFormatException error(String problem) {
        return new OnnxFormatException(where, "malformed protobuf at byte " + pos + ": " + problem);
    }
}
