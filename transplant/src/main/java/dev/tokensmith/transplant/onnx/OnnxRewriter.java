package dev.tokensmith.transplant.onnx;

import dev.tokensmith.core.format.AtomicFiles;
import dev.tokensmith.transplant.io.FloatMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a copy of an ONNX model whose token embedding table is replaced by a float32 matrix (any number of
 * rows; the hidden size must match). Every other byte of the model is copied unchanged. A quantized table
 * (uint8/int8 with a DequantizeLinear) becomes a float table and its DequantizeLinear an Identity, so the
 * rest of the graph sees float rows as before.
 *
 * <pre>{@code
 * try (OnnxModel m = OnnxModel.open(base)) {
 *     OnnxRewriter.replaceWordEmbeddings(m, newTable, Path.of("transplanted.onnx"));
 * }
 * }</pre>
 */
public final class OnnxRewriter {
    /** Protobuf messages must stay under 2 GB; larger models need external data, which is not written here. */
    private static final long MAX_PROTO_BYTES = Integer.MAX_VALUE;

    private OnnxRewriter() {}

    public static void replaceWordEmbeddings(OnnxModel model, FloatMatrix table, Path out) throws IOException {
        OnnxModel.WordEmbeddings we = model.wordEmbeddings();
        if (table.cols() != we.table().cols()) {
            throw new OnnxFormatException(
                    out.toString(),
                    "the new table has " + table.cols() + " columns but the model's hidden size is "
                            + we.table().cols());
        }
        OnnxTensor old = model.initializer(we.initializer()).orElseThrow();
        byte[] newInit = field(5, floatTensor(old.name(), table));
        Optional<OnnxNode> dq = we.dequantize();
        byte[] identity =
                dq.map(d -> field(1, identityNode(d, dq.get().input(0)))).orElse(null);
        Optional<long[]> droppedInfo =
                dq.isPresent() && dq.get().input(0).equals(we.gather().outputs().getFirst())
                        ? model.valueInfoSpan(we.gather().outputs().getFirst())
                        : Optional.empty();

        MemorySegment seg = model.segment();
        long[] g = model.graphSpan();
        List<MemorySegment> graphParts = new ArrayList<>();
        ProtoCursor c = new ProtoCursor(seg, g[2], g[3], model.path().toString());
        while (c.next()) {
            long start = c.fieldStart;
            if (start == old.start()) {
                graphParts.add(MemorySegment.ofArray(newInit));
            } else if (dq.isPresent() && start == dq.get().start()) {
                graphParts.add(MemorySegment.ofArray(identity));
            } else if (droppedInfo.isPresent() && start == droppedInfo.get()[0]) {
                continue;
            } else {
                graphParts.add(seg.asSlice(start, c.fieldEnd() - start));
            }
        }
        long graphLen = graphParts.stream().mapToLong(MemorySegment::byteSize).sum();
        List<MemorySegment> parts = new ArrayList<>();
        parts.add(seg.asSlice(0, g[0]));
        parts.add(MemorySegment.ofArray(tagAndLength(7, graphLen)));
        parts.addAll(graphParts);
        parts.add(seg.asSlice(g[1], seg.byteSize() - g[1]));
        long total = parts.stream().mapToLong(MemorySegment::byteSize).sum();
        if (total > MAX_PROTO_BYTES) {
            throw new OnnxFormatException(
                    out.toString(), "the rewritten model would be " + total + " bytes, over protobuf's 2 GB limit");
        }
        writeAtomically(out, parts);
    }

    /** An Identity node standing in for a DequantizeLinear: same name and output, the float value as input. */
    private static byte[] identityNode(OnnxNode dq, String input) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(field(1, input.getBytes(StandardCharsets.UTF_8)));
        b.writeBytes(field(2, dq.outputs().getFirst().getBytes(StandardCharsets.UTF_8)));
        b.writeBytes(field(3, dq.name().getBytes(StandardCharsets.UTF_8)));
        b.writeBytes(field(4, "Identity".getBytes(StandardCharsets.UTF_8)));
        return b.toByteArray();
    }

    private static byte[] floatTensor(String name, FloatMatrix m) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (long d : m.shape()) {
            b.writeBytes(varint(1L << 3));
            b.writeBytes(varint(d));
        }
        b.writeBytes(varint(2L << 3));
        b.writeBytes(varint(OnnxTensor.FLOAT));
        b.writeBytes(field(8, name.getBytes(StandardCharsets.UTF_8)));
        ByteBuffer raw = ByteBuffer.allocate(m.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(m.data());
        b.writeBytes(field(9, raw.array()));
        return b.toByteArray();
    }

    private static byte[] field(int number, byte[] payload) {
        byte[] head = tagAndLength(number, payload.length);
        byte[] out = new byte[head.length + payload.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(payload, 0, out, head.length, payload.length);
        return out;
    }

    private static byte[] tagAndLength(int number, long length) {
        byte[] tag = varint(((long) number << 3) | ProtoCursor.LEN);
        byte[] len = varint(length);
        byte[] out = new byte[tag.length + len.length];
        System.arraycopy(tag, 0, out, 0, tag.length);
        System.arraycopy(len, 0, out, tag.length, len.length);
        return out;
    }

    static byte[] varint(long v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(10);
        while ((v & ~0x7FL) != 0) {
            b.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        b.write((int) v);
        return b.toByteArray();
    }

    private static void writeAtomically(Path out, List<MemorySegment> parts) throws IOException {
        AtomicFiles.writeChannel(out, ch -> {
            for (MemorySegment p : parts) {
                ByteBuffer b = p.asByteBuffer();
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
        });
    }
}
