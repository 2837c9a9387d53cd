package dev.tokensmith.transplant.io;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Element types of safetensors files, named as in their headers. The float types can be read and written;
 * the integer types and F64 can be read (converted to float32).
 */
public enum DType {
    F32(4, true),
    F16(2, true),
    BF16(2, true),
    F64(8, false),
    I64(8, false),
    I32(4, false),
    I16(2, false),
    I8(1, false),
    U8(1, false),
    BOOL(1, false);

    static final ValueLayout.OfFloat F32_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfShort I16_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt I32_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong I64_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfDouble F64_LE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final int size;
    private final boolean writable;

    DType(int size, boolean writable) {
        this.size = size;
        this.writable = writable;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** Whether tensors of this type can be written from float32 values. */
    public boolean writable() {
        return writable;
    }

    /** The dtype named {@code name} in a safetensors header, or null when unknown. */
    public static DType byName(String name) {
        for (DType d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Element {@code i} (not byte offset) of little-endian data, converted to float32. */
    float read(MemorySegment data, long i) {
        return switch (this) {
            case F32 -> data.get(F32_LE, i * 4);
            case F16 -> HalfFloats.fromF16(data.get(I16_LE, i * 2));
            case BF16 -> HalfFloats.fromBf16(data.get(I16_LE, i * 2));
            case F64 -> (float) data.get(F64_LE, i * 8);
            case I64 -> (float) data.get(I64_LE, i * 8);
            case I32 -> (float) data.get(I32_LE, i * 4);
            case I16 -> data.get(I16_LE, i * 2);
            case I8 -> data.get(ValueLayout.JAVA_BYTE, i);
            case U8, BOOL -> data.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
        };
    }

    /** Writes {@code v} as element {@code i} of little-endian data; only for {@link #writable()} types. */
    void write(MemorySegment data, long i, float v) {
        switch (this) {
            case F32 -> data.set(F32_LE, i * 4, v);
            case F16 -> data.set(I16_LE, i * 2, HalfFloats.toF16(v));
            case BF16 -> data.set(I16_LE, i * 2, HalfFloats.toBf16(v));
            default -> throw new UnsupportedOperationException("writing " + this + " from float32 is not supported");
        }
    }
}
