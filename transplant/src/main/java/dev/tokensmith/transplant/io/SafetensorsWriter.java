package dev.tokensmith.transplant.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.AtomicFiles;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Writes one {@code .safetensors} file atomically ({@link AtomicFiles}), so a failed write never leaves a
 * partial file.
 *
 * <p>Tensors are laid out by element size (largest first), then by name, and the header is padded with spaces
 * to a multiple of 8 bytes, so every tensor's data is aligned to its element size, as the reference writer
 * does.
 *
 * <pre>{@code
 * SafetensorsWriter.write(Path.of("out.safetensors"),
 *         List.of(TensorData.of("emb", DType.F16, matrix)), Map.of("format", "pt"));
 * }</pre>
 */
public final class SafetensorsWriter {
    /** Elements encoded per chunk when converting float32 values. */
    private static final int CHUNK_ELEMENTS = 1 << 18;

    private SafetensorsWriter() {}

    public static void write(Path file, List<TensorData> tensors, Map<String, String> metadata) throws IOException {
        write(file, tensors, metadata, bytes -> {});
    }

    /** As {@link #write(Path, List, Map)}, telling {@code written} the bytes of each tensor once it is written. */
    public static void write(Path file, List<TensorData> tensors, Map<String, String> metadata, LongConsumer written)
            throws IOException {
        List<TensorData> sorted = layoutOrder(tensors);
        ByteBuffer head = header(sorted, metadata);
        AtomicFiles.writeChannel(file, ch -> writeTo(ch, head, sorted, written));
    }

    /** The order tensors are laid out in: larger elements first (alignment), then by name. */
    static List<TensorData> layoutOrder(List<TensorData> tensors) {
        List<TensorData> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparingInt((TensorData t) -> -t.dtype().size()).thenComparing(TensorData::name));
        return sorted;
    }

    /** The length-prefixed JSON header, padded with spaces to a multiple of 8 bytes; checks the names. */
    private static ByteBuffer header(List<TensorData> sorted, Map<String, String> metadata) throws IOException {
        Set<String> seen = new HashSet<>();
        ObjectNode header = Json.object();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = header.putObject(SafetensorsFile.METADATA_KEY);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (TensorData t : sorted) {
            if (t.name().equals(SafetensorsFile.METADATA_KEY) || !seen.add(t.name())) {
                throw new IllegalArgumentException(
                        t.name().equals(SafetensorsFile.METADATA_KEY)
                                ? "'__metadata__' is reserved and cannot name a tensor"
                                : "tensor '" + t.name() + "' is given twice");
            }
            ObjectNode e = header.putObject(t.name());
            e.put("dtype", t.dtype().name());
            ArrayNode shape = e.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            ArrayNode off = e.putArray("data_offsets");
            off.add(offset);
            offset += t.byteSize();
            off.add(offset);
        }
        byte[] json = Json.MAPPER.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = FloatMatrix.roundUp(json.length, 8);
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        return head.flip();
    }

    /**
     * The header, then each tensor's bytes: raw (copied or memory-mapped) data straight from its segment,
     * float32 values converted to the tensor's dtype a chunk at a time.
     */
    private static void writeTo(FileChannel ch, ByteBuffer head, List<TensorData> sorted, LongConsumer written)
            throws IOException {
        writeFully(ch, head);
        byte[] chunk = null;
        for (TensorData t : sorted) {
            if (t.raw() != null) {
                writeSegment(ch, t.raw());
                written.accept(t.byteSize());
                continue;
            }
            float[] v = t.values();
            int esize = t.dtype().size();
            if (chunk == null) {
                chunk = new byte[CHUNK_ELEMENTS * 4];
            }
            for (int from = 0; from < v.length; from += CHUNK_ELEMENTS) {
                int n = Math.min(CHUNK_ELEMENTS, v.length - from);
                Tensors.fromFloats(v, from, n, t.dtype(), MemorySegment.ofArray(chunk));
                writeFully(ch, ByteBuffer.wrap(chunk, 0, n * esize));
            }
            written.accept(t.byteSize());
        }
    }

    private static void writeSegment(FileChannel ch, MemorySegment seg) throws IOException {
        long chunk = 1L << 30;
        for (long off = 0; off < seg.byteSize(); off += chunk) {
            writeFully(
                    ch, seg.asSlice(off, Math.min(chunk, seg.byteSize() - off)).asByteBuffer());
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
