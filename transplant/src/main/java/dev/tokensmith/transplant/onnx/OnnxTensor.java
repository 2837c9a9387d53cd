package dev.tokensmith.transplant.onnx;

import java.util.Arrays;

/**
 * An initializer of an ONNX graph (a TensorProto): name, element type (ONNX {@code TensorProto.DataType}
 * number) and dimensions; its values are read through {@link OnnxModel#readFloats(String)}.
 *
 * @param start byte offset of the initializer's field in the file (for rewriting)
 * @param end byte offset just past it
 * @param payloadStart where the TensorProto message itself begins
 */
public record OnnxTensor(String name, int dataType, long[] dims, long start, long end, long payloadStart) {
    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int UINT16 = 4;
    public static final int INT16 = 5;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int FLOAT16 = 10;
    public static final int DOUBLE = 11;
    public static final int UINT32 = 12;
    public static final int UINT64 = 13;
    public static final int BFLOAT16 = 16;

    public OnnxTensor {
        dims = dims.clone();
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    public long elements() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Bytes per element in raw_data, or 0 for types this reader does not convert. */
    static int elementSize(int dataType) {
        return switch (dataType) {
            case FLOAT, INT32, UINT32 -> 4;
            case UINT8, INT8 -> 1;
            case UINT16, INT16, FLOAT16, BFLOAT16 -> 2;
            case INT64, DOUBLE, UINT64 -> 8;
            default -> 0;
        };
    }

    static String typeName(int dataType) {
        return switch (dataType) {
            case FLOAT -> "float";
            case UINT8 -> "uint8";
            case INT8 -> "int8";
            case UINT16 -> "uint16";
            case INT16 -> "int16";
            case INT32 -> "int32";
            case INT64 -> "int64";
            case FLOAT16 -> "float16";
            case DOUBLE -> "double";
            case UINT32 -> "uint32";
            case UINT64 -> "uint64";
            case BFLOAT16 -> "bfloat16";
            default -> "type " + dataType;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OnnxTensor t && name.equals(t.name) && start == t.start && Arrays.equals(dims, t.dims);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + " " + typeName(dataType) + " " + Arrays.toString(dims);
    }
}
