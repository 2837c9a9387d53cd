package dev.tokensmith.transplant.io;

import java.util.Arrays;

/**
 * One tensor's entry in a safetensors header: its element type, shape, and where its bytes lie in the data
 * section ({@code [begin, end)}, relative to the end of the header).
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {
    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int i) {
        return shape[i];
    }

    /** The number of elements (1 for a scalar). */
    public long elements() {
        return elements(shape);
    }

    public long byteSize() {
        return end - begin;
    }

    static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    static String shapeString(long[] shape) {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t
                && name.equals(t.name)
                && dtype == t.dtype
                && Arrays.equals(shape, t.shape)
                && begin == t.begin
                && end == t.end;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + shapeString(shape) + " @[" + begin + ", " + end + ")";
    }
}
