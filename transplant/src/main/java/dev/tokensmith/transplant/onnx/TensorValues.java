package dev.tokensmith.transplant.onnx;

import dev.tokensmith.transplant.io.HalfFloats;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The values of a TensorProto as float32, from wherever they are stored: raw_data (little-endian),
 * float_data / int32_data / int64_data / double_data, or an external file (location, offset, length
 * relative to the model's folder).
 */
final class TensorValues {
    private static final int DIMS = 1;
    private static final int FLOAT_DATA = 4;
    private static final int INT32_DATA = 5;
    private static final int INT64_DATA = 7;
    private static final int RAW_DATA = 9;
    private static final int DOUBLE_DATA = 10;
    private static final int UINT64_DATA = 11;
    private static final int EXTERNAL_DATA = 13;
    private static final int DATA_LOCATION = 14;

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble F64 =
            ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private TensorValues() {}

    static float[] read(MemorySegment seg, OnnxTensor t, int n, Path modelFile) {
        String where = modelFile.toString();
        String at = "initializer '" + t.name() + "' (" + t + "): ";
        int esize = OnnxTensor.elementSize(t.dataType());
        if (esize == 0) {
            throw new OnnxFormatException(where, at + "element type is not supported");
        }
        float[] out = new float[n];
        int filled = 0;
        String location = null;
        long extOffset = 0;
        long extLength = -1;
        boolean external = false;
        ProtoCursor c = new ProtoCursor(seg, t.payloadStart(), t.end(), where);
        while (c.next()) {
            switch (c.number) {
                case RAW_DATA -> {
                    checkBytes(where, at, c.payloadEnd - c.payloadStart, (long) n * esize);
                    convertRaw(seg, c.payloadStart, t.dataType(), out, n);
                    filled = n;
                }
                case FLOAT_DATA, INT32_DATA, INT64_DATA, DOUBLE_DATA, UINT64_DATA -> {
                    filled = readRepeated(c, t.dataType(), out, filled, where, at);
                }
                case EXTERNAL_DATA -> {
                    ProtoCursor e = c.message();
                    String key = null;
                    String value = null;
                    while (e.next()) {
                        if (e.number == 1) {
                            key = e.string();
                        } else if (e.number == 2) {
                            value = e.string();
                        }
                    }
                    if ("location".equals(key)) {
                        location = value;
                    } else if ("offset".equals(key) && value != null) {
                        extOffset = Long.parseLong(value);
                    } else if ("length".equals(key) && value != null) {
                        extLength = Long.parseLong(value);
                    }
                }
                case DATA_LOCATION -> external = c.value == 1;
                case DIMS -> {}
                default -> {}
            }
        }
        if (external) {
            if (location == null) {
                throw new OnnxFormatException(where, at + "external data without a location");
            }
            readExternal(modelFile, location, extOffset, extLength, t, out, n, at);
            return out;
        }
        if (filled != n) {
            throw new OnnxFormatException(where, at + "holds " + filled + " values, its dims need " + n);
        }
        return out;
    }

    private static void checkBytes(String where, String at, long have, long need) {
        if (have != need) {
            throw new OnnxFormatException(where, at + "raw_data holds " + have + " bytes, its dims need " + need);
        }
    }

    private static void convertRaw(MemorySegment s, long off, int type, float[] out, int n) {
        switch (type) {
            case OnnxTensor.FLOAT -> MemorySegment.copy(s, F32, off, out, 0, n);
            case OnnxTensor.UINT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = s.get(ValueLayout.JAVA_BYTE, off + i) & 0xFF;
                }
            }
            case OnnxTensor.INT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = s.get(ValueLayout.JAVA_BYTE, off + i);
                }
            }
            case OnnxTensor.UINT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = s.get(I16, off + 2L * i) & 0xFFFF;
                }
            }
            case OnnxTensor.INT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = s.get(I16, off + 2L * i);
                }
            }
            case OnnxTensor.FLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloats.fromF16(s.get(I16, off + 2L * i));
                }
            }
            case OnnxTensor.BFLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloats.fromBf16(s.get(I16, off + 2L * i));
                }
            }
            case OnnxTensor.INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = s.get(I32, off + 4L * i);
                }
            }
            case OnnxTensor.UINT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = s.get(I32, off + 4L * i) & 0xFFFFFFFFL;
                }
            }
            case OnnxTensor.INT64, OnnxTensor.UINT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = s.get(I64, off + 8L * i);
                }
            }
            case OnnxTensor.DOUBLE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) s.get(F64, off + 8L * i);
                }
            }
            default -> throw new IllegalStateException("unreachable: type " + type);
        }
    }

    /**
     * One occurrence of a repeated numeric field, packed or not. int32_data holds the integer types narrower
     * than 32 bits and float16/bfloat16 as their bit patterns.
     */
    private static int readRepeated(ProtoCursor c, int type, float[] out, int filled, String where, String at) {
        if (c.wireType == ProtoCursor.LEN) {
            ProtoCursor p = c.message();
            if (c.number == FLOAT_DATA || c.number == DOUBLE_DATA) {
                int width = c.number == FLOAT_DATA ? 4 : 8;
                long count = (c.payloadEnd - c.payloadStart) / width;
                for (long i = 0; i < count; i++) {
                    filled = put(
                            out,
                            filled,
                            c.number == FLOAT_DATA
                                    ? Float.intBitsToFloat((int) fixedAt(c, i, 4))
                                    : (float) Double.longBitsToDouble(fixedAt(c, i, 8)),
                            where,
                            at);
                }
                return filled;
            }
            while (p.hasMore()) {
                filled = put(out, filled, fromInteger(c.number, type, p.readVarint()), where, at);
            }
            return filled;
        }
        float v = switch (c.number) {
            case FLOAT_DATA -> Float.intBitsToFloat((int) c.value);
            case DOUBLE_DATA -> (float) Double.longBitsToDouble(c.value);
            default -> fromInteger(c.number, type, c.value);
        };
        return put(out, filled, v, where, at);
    }

    private static long fixedAt(ProtoCursor c, long i, int width) {
        return c.message().fixed(c.payloadStart + i * width, width);
    }

    private static float fromInteger(int field, int type, long v) {
        if (field == INT32_DATA) {
            return switch (type) {
                case OnnxTensor.FLOAT16 -> HalfFloats.fromF16((short) v);
                case OnnxTensor.BFLOAT16 -> HalfFloats.fromBf16((short) v);
                case OnnxTensor.UINT8 -> (int) v & 0xFF;
                case OnnxTensor.INT8 -> (byte) v;
                case OnnxTensor.UINT16 -> (int) v & 0xFFFF;
                case OnnxTensor.INT16 -> (short) v;
                default -> (int) v;
            };
        }
        return field == UINT64_DATA && v < 0 ? (float) (v >>> 1) * 2f : (float) v;
    }

    private static int put(float[] out, int filled, float v, String where, String at) {
        if (filled >= out.length) {
            throw new OnnxFormatException(where, at + "holds more values than its dims allow");
        }
        out[filled] = v;
        return filled + 1;
    }

    private static void readExternal(
            Path modelFile, String location, long offset, long length, OnnxTensor t, float[] out, int n, String at) {
        Path dir = modelFile.toAbsolutePath().getParent();
        Path file = dir.resolve(location).normalize();
        if (!file.startsWith(dir)) {
            throw new OnnxFormatException(
                    modelFile.toString(), at + "external data '" + location + "' is outside the model's folder");
        }
        long need = (long) n * OnnxTensor.elementSize(t.dataType());
        if (length >= 0 && length != need) {
            throw new OnnxFormatException(
                    file.toString(), at + "external length " + length + ", its dims need " + need);
        }
        try (Arena arena = Arena.ofConfined();
                FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (offset < 0 || offset + need > ch.size()) {
                throw new OnnxFormatException(
                        file.toString(),
                        at + "bytes [" + offset + ", " + (offset + need) + ") are past the end of the file");
            }
            MemorySegment s = ch.map(FileChannel.MapMode.READ_ONLY, offset, need, arena);
            convertRaw(s, 0, t.dataType(), out, n);
        } catch (IOException e) {
            throw new OnnxFormatException(file.toString(), "cannot read external data: " + e.getMessage(), e);
        }
    }
}
