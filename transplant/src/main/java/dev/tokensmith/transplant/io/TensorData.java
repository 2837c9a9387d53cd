package dev.tokensmith.transplant.io;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A tensor to be written: a name, the dtype and shape it gets on disk, and its content — either float32 values
 * (encoded into the dtype on write) or raw little-endian bytes copied through unchanged.
 *
 * <pre>{@code
 * TensorData emb = TensorData.of("model.embed_tokens.weight", DType.BF16, matrix);
 * TensorData norm = TensorData.raw(info, file.bytes(info.name())); // byte for byte
 * }</pre>
 */
public final class TensorData {
    private final String name;
    private final DType dtype;
    private final long[] shape;
    private final float[] values;
    private final MemorySegment raw;

    private TensorData(String name, DType dtype, long[] shape, float[] values, MemorySegment raw) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.values = values;
        this.raw = raw;
        long n = TensorInfo.elements(shape);
        if (values != null) {
            if (!dtype.writable()) {
                throw new IllegalArgumentException(
                        "tensor '" + name + "': cannot write " + dtype + " from float32 values (use F32, F16 or BF16)");
            }
            if (n != values.length) {
                throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " needs "
                        + n + " values, got " + values.length);
            }
        } else if (n * dtype.size() != raw.byteSize()) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + n * dtype.size() + " bytes, got " + raw.byteSize());
        }
    }

    /** float32 values written as {@code dtype} (F32, F16 or BF16, rounding to nearest even). */
    public static TensorData of(String name, DType dtype, long[] shape, float[] values) {
        return new TensorData(name, dtype, shape, values, null);
    }

    public static TensorData of(String name, DType dtype, FloatMatrix m) {
        return of(name, dtype, m.shape(), m.data());
    }

    /** Raw bytes of any dtype, written unchanged. */
    public static TensorData raw(String name, DType dtype, long[] shape, MemorySegment bytes) {
        return new TensorData(name, dtype, shape, null, bytes);
    }

    /** A tensor of an open file, copied through byte for byte. */
    public static TensorData copyOf(SafetensorsFile file, String name) {
        TensorInfo t = file.info(name);
        return raw(name, t.dtype(), t.shape(), file.bytes(name));
    }

    public String name() {
        return name;
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long byteSize() {
        return TensorInfo.elements(shape) * dtype.size();
    }

    /** The float values, or null for a raw tensor. */
    float[] values() {
        return values;
    }

    /** The raw bytes, or null for a float tensor. */
    MemorySegment raw() {
        return raw;
    }
}
