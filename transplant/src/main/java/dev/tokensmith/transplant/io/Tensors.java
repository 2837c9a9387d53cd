package dev.tokensmith.transplant.io;

import java.lang.foreign.MemorySegment;

/** Bulk conversions between little-endian tensor bytes and float32 arrays. */
final class Tensors {
    private Tensors() {}

    static float[] toFloats(MemorySegment bytes, DType dtype, int n) {
        float[] out = new float[n];
        if (dtype == DType.F32) {
            MemorySegment.copy(bytes, DType.F32_LE, 0, out, 0, n);
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = dtype.read(bytes, i);
        }
        return out;
    }

    /** Encodes {@code values[from, from + n)} into {@code dst} (which holds at least n elements of dtype). */
    static void fromFloats(float[] values, int from, int n, DType dtype, MemorySegment dst) {
        if (dtype == DType.F32) {
            MemorySegment.copy(values, from, dst, DType.F32_LE, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            dtype.write(dst, i, values[from + i]);
        }
    }
}
