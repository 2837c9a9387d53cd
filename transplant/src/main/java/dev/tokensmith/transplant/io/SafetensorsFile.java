package dev.tokensmith.transplant.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code .safetensors} file, memory-mapped: an 8-byte little-endian header length, a JSON header naming
 * each tensor's dtype, shape and byte range, then the data. Opening validates the whole header (offsets in
 * bounds and not overlapping, sizes matching shape × dtype) and reads no tensor data; tensors are read on
 * demand and stay valid until {@link #close()}.
 *
 * <pre>{@code
 * try (SafetensorsFile f = SafetensorsFile.open(Path.of("model.safetensors"))) {
 *     FloatMatrix wte = f.readMatrix("wte.weight"); // F32, F16 or BF16 on disk, float32 here
 * }
 * }</pre>
 */
public final class SafetensorsFile implements AutoCloseable {
    /** The format's own limit on the header size (the Rust reference rejects larger ones). */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    static final String METADATA_KEY = "__metadata__";

    private final Path path;
    private final Arena arena;
    private final MemorySegment data;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;

    private SafetensorsFile(
            Path path, Arena arena, MemorySegment data, Map<String, TensorInfo> tensors, Map<String, String> meta) {
        this.path = path;
        this.arena = arena;
        this.data = data;
        this.tensors = tensors;
        this.metadata = meta;
    }

    /** Maps and validates {@code file}; a malformed file gives a {@link ModelFormatException} naming it. */
    public static SafetensorsFile open(Path file) {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment all;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                all = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            } catch (IOException e) {
                throw new ModelFormatException(file.toString(), "cannot read: " + ModelFormatException.oneLine(e), e);
            }
            String where = file.toString();
            if (all.byteSize() < 8) {
                throw new ModelFormatException(
                        where, "too short for a safetensors file (" + all.byteSize() + " bytes)");
            }
            long headerLen = all.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
            if (headerLen < 0 || headerLen > MAX_HEADER_BYTES) {
                throw new ModelFormatException(
                        where, "header length " + Long.toUnsignedString(headerLen) + " is over the 100 MB limit");
            }
            if (headerLen > all.byteSize() - 8) {
                throw new ModelFormatException(
                        where, "header length " + headerLen + " exceeds the file size " + all.byteSize());
            }
            byte[] header = all.asSlice(8, headerLen).toArray(ValueLayout.JAVA_BYTE);
            MemorySegment data = all.asSlice(8 + headerLen);
            Map<String, String> meta = new LinkedHashMap<>();
            Map<String, TensorInfo> tensors = parseHeader(where, header, data.byteSize(), meta);
            return new SafetensorsFile(
                    file, arena, data, Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(meta));
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static Map<String, TensorInfo> parseHeader(
            String where, byte[] header, long dataSize, Map<String, String> meta) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(header);
        } catch (IOException e) {
            throw new ModelFormatException(where, "header is not valid JSON: " + ModelFormatException.oneLine(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(where, "header is not a JSON object");
        }
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (name.equals(METADATA_KEY)) {
                if (!v.isObject()) {
                    throw new ModelFormatException(where, "__metadata__ must be an object of strings");
                }
                for (Map.Entry<String, JsonNode> m : v.properties()) {
                    if (!m.getValue().isTextual()) {
                        throw new ModelFormatException(
                                where, "__metadata__ value of '" + m.getKey() + "' is not a string");
                    }
                    meta.put(m.getKey(), m.getValue().asText());
                }
                continue;
            }
            tensors.put(name, parseTensor(where, name, v, dataSize));
        }
        checkNoOverlap(where, tensors.values());
        return tensors;
    }

    private static TensorInfo parseTensor(String where, String name, JsonNode v, long dataSize) {
        String at = "tensor '" + name + "': ";
        if (!v.isObject()) {
            throw new ModelFormatException(where, at + "entry is not an object");
        }
        JsonNode dt = v.get("dtype");
        if (dt == null || !dt.isTextual()) {
            throw new ModelFormatException(where, at + "missing dtype");
        }
        DType dtype = DType.byName(dt.asText());
        if (dtype == null) {
            throw new ModelFormatException(where, at + "unsupported dtype '" + dt.asText() + "'");
        }
        JsonNode sh = v.get("shape");
        if (sh == null || !sh.isArray()) {
            throw new ModelFormatException(where, at + "missing shape");
        }
        long[] shape = new long[sh.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = sh.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
                throw new ModelFormatException(where, at + "shape " + sh + " has an invalid dimension");
            }
            shape[i] = d.asLong();
        }
        JsonNode off = v.get("data_offsets");
        if (off == null
                || !off.isArray()
                || off.size() != 2
                || !off.get(0).isIntegralNumber()
                || !off.get(1).isIntegralNumber()) {
            throw new ModelFormatException(where, at + "data_offsets must be [begin, end]");
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin) {
            throw new ModelFormatException(where, at + "data_offsets " + off + " are not an ascending range");
        }
        if (end > dataSize) {
            throw new ModelFormatException(
                    where, at + "data_offsets " + off + " are out of bounds (data section is " + dataSize + " bytes)");
        }
        long need;
        try {
            need = Math.multiplyExact(TensorInfo.elements(shape), dtype.size());
        } catch (ArithmeticException e) {
            throw new ModelFormatException(where, at + "shape " + sh + " is too large");
        }
        if (need != end - begin) {
            throw new ModelFormatException(
                    where,
                    at + "data_offsets " + off + " hold " + (end - begin) + " bytes but shape "
                            + TensorInfo.shapeString(shape) + " of " + dtype + " needs " + need);
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    private static void checkNoOverlap(String where, java.util.Collection<TensorInfo> all) {
        List<TensorInfo> sorted = new ArrayList<>(all);
        sorted.removeIf(t -> t.byteSize() == 0);
        sorted.sort(Comparator.comparingLong(TensorInfo::begin));
        for (int i = 1; i < sorted.size(); i++) {
            TensorInfo a = sorted.get(i - 1);
            TensorInfo b = sorted.get(i);
            if (b.begin() < a.end()) {
                throw new ModelFormatException(
                        where,
                        "tensors '" + a.name() + "' [" + a.begin() + ", " + a.end() + ") and '" + b.name() + "' ["
                                + b.begin() + ", " + b.end() + ") overlap");
            }
        }
    }

    public Path path() {
        return path;
    }

    /** Tensors in header order. */
    public List<TensorInfo> tensors() {
        return List.copyOf(tensors.values());
    }

    public Optional<TensorInfo> find(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    /** The tensor named {@code name}, or an error naming the file and the missing tensor. */
    public TensorInfo info(String name) {
        TensorInfo t = tensors.get(name);
        if (t == null) {
            throw new ModelFormatException(path.toString(), "missing tensor '" + name + "'");
        }
        return t;
    }

    /** The {@code __metadata__} entries (empty when absent). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The tensor's raw little-endian bytes, read-only, valid until this file is closed. */
    public MemorySegment bytes(String name) {
        TensorInfo t = info(name);
        return data.asSlice(t.begin(), t.byteSize()).asReadOnly();
    }

    /** All elements of the tensor converted to float32, in row-major order. */
    public float[] readFloats(String name) {
        TensorInfo t = info(name);
        long n = t.elements();
        if (n > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException(path.toString(), "tensor '" + name + "' is too large for one float array");
        }
        return Tensors.toFloats(bytes(name), t.dtype(), (int) n);
    }

    /** A 2-D tensor as a float32 matrix; an error naming the tensor when it is not 2-D. */
    public FloatMatrix readMatrix(String name) {
        TensorInfo t = info(name);
        if (t.rank() != 2) {
            throw new ModelFormatException(
                    path.toString(),
                    "tensor '" + name + "' has shape " + TensorInfo.shapeString(t.shape()) + ", expected a matrix");
        }
        return new FloatMatrix(Math.toIntExact(t.dim(0)), Math.toIntExact(t.dim(1)), readFloats(name));
    }

    @Override
    public void close() {
        arena.close();
    }
}
