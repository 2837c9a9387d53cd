package dev.tokensmith.transplant.onnx;

import dev.tokensmith.transplant.io.FloatMatrix;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code .onnx} file (protobuf {@code ModelProto}), memory-mapped and read with a small wire-format reader
 * for just the parts a transplant needs: the graph's inputs, nodes and initializers, and the values of an
 * initializer (raw_data, the typed repeated fields, or external data). ONNX Runtime's API cannot return
 * initializers; a hand-written reader avoids generated protobuf classes and reads the 90 MB tables in place.
 *
 * <pre>{@code
 * try (OnnxModel m = OnnxModel.open(Path.of("all-minilm-l6-v2.onnx"))) {
 *     OnnxModel.WordEmbeddings e = m.wordEmbeddings(); // [30522, 384], dequantized if stored as int8/uint8
 * }
 * }</pre>
 */
public final class OnnxModel implements AutoCloseable {
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_VALUE_INFO = 13;

    private final Path path;
    private final Arena arena;
    private final MemorySegment seg;
    private final long graphStart;
    private final long graphEnd;
    private final long graphPayloadStart;
    private final long graphPayloadEnd;
    private final List<OnnxNode> nodes;
    private final Map<String, OnnxTensor> initializers;
    private final List<String> inputs;
    private final Map<String, long[]> valueInfoSpans;

    private OnnxModel(
            Path path,
            Arena arena,
            MemorySegment seg,
            long[] graphSpan,
            List<OnnxNode> nodes,
            Map<String, OnnxTensor> initializers,
            List<String> inputs,
            Map<String, long[]> valueInfoSpans) {
        this.path = path;
        this.arena = arena;
        this.seg = seg;
        this.graphStart = graphSpan[0];
        this.graphEnd = graphSpan[1];
        this.graphPayloadStart = graphSpan[2];
        this.graphPayloadEnd = graphSpan[3];
        this.nodes = nodes;
        this.initializers = initializers;
        this.inputs = inputs;
        this.valueInfoSpans = valueInfoSpans;
    }

    public static OnnxModel open(Path file) {
        Arena arena = Arena.ofShared();
        String where = file.toString();
        try {
            MemorySegment seg;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            } catch (IOException e) {
                throw new OnnxFormatException(where, "cannot read: " + e.getMessage(), e);
            }
            ProtoCursor model = new ProtoCursor(seg, 0, seg.byteSize(), where);
            long[] graphSpan = null;
            while (model.next()) {
                if (model.number == MODEL_GRAPH && model.wireType == ProtoCursor.LEN) {
                    graphSpan = new long[] {model.fieldStart, model.fieldEnd(), model.payloadStart, model.payloadEnd};
                }
            }
            if (graphSpan == null) {
                throw new OnnxFormatException(where, "no graph (not an ONNX ModelProto)");
            }
            List<OnnxNode> nodes = new ArrayList<>();
            Map<String, OnnxTensor> inits = new LinkedHashMap<>();
            List<String> inputs = new ArrayList<>();
            Map<String, long[]> valueInfo = new HashMap<>();
            ProtoCursor g = new ProtoCursor(seg, graphSpan[2], graphSpan[3], where);
            while (g.next()) {
                if (g.wireType != ProtoCursor.LEN) {
                    continue;
                }
                switch (g.number) {
                    case GRAPH_NODE -> nodes.add(parseNode(g));
                    case GRAPH_INITIALIZER -> {
                        OnnxTensor t = parseTensor(g);
                        inits.put(t.name(), t);
                    }
                    case GRAPH_INPUT -> inputs.add(valueInfoName(g));
                    case GRAPH_VALUE_INFO -> valueInfo.put(valueInfoName(g), new long[] {g.fieldStart, g.fieldEnd()});
                    default -> {}
                }
            }
            return new OnnxModel(
                    file, arena, seg, graphSpan, List.copyOf(nodes), inits, List.copyOf(inputs), valueInfo);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static OnnxNode parseNode(ProtoCursor g) {
        long start = g.fieldStart;
        long end = g.fieldEnd();
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        Map<String, Long> attrs = new HashMap<>();
        String name = "";
        String op = "";
        ProtoCursor n = g.message();
        while (n.next()) {
            switch (n.number) {
                case 1 -> in.add(n.string());
                case 2 -> out.add(n.string());
                case 3 -> name = n.string();
                case 4 -> op = n.string();
                case 5 -> {
                    ProtoCursor a = n.message();
                    String an = null;
                    Long iv = null;
                    while (a.next()) {
                        if (a.number == 1) {
                            an = a.string();
                        } else if (a.number == 3 && a.wireType == ProtoCursor.VARINT) {
                            iv = a.value;
                        }
                    }
                    if (an != null && iv != null) {
                        attrs.put(an, iv);
                    }
                }
                default -> {}
            }
        }
        return new OnnxNode(name, op, in, out, attrs, start, end);
    }

    private static OnnxTensor parseTensor(ProtoCursor g) {
        long start = g.fieldStart;
        long end = g.fieldEnd();
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        ProtoCursor t = g.message();
        while (t.next()) {
            switch (t.number) {
                case 1 -> {
                    if (t.wireType == ProtoCursor.VARINT) {
                        dims.add(t.value);
                    } else {
                        ProtoCursor p = t.message();
                        while (p.hasMore()) {
                            dims.add(p.readVarint());
                        }
                    }
                }
                case 2 -> type = (int) t.value;
                case 8 -> name = t.string();
                default -> {}
            }
        }
        return new OnnxTensor(
                name, type, dims.stream().mapToLong(Long::longValue).toArray(), start, end, g.payloadStart);
    }

    private static String valueInfoName(ProtoCursor g) {
        ProtoCursor v = g.message();
        while (v.next()) {
            if (v.number == 1) {
                return v.string();
            }
        }
        return "";
    }

    public Path path() {
        return path;
    }

    /** The graph's declared inputs (ONNX lists initializers here too in older exports). */
    public List<String> inputs() {
        return inputs;
    }

    public List<OnnxNode> nodes() {
        return nodes;
    }

    public Map<String, OnnxTensor> initializers() {
        return java.util.Collections.unmodifiableMap(initializers);
    }

    public Optional<OnnxTensor> initializer(String name) {
        return Optional.ofNullable(initializers.get(name));
    }

    private OnnxTensor require(String name) {
        OnnxTensor t = initializers.get(name);
        if (t == null) {
            throw new OnnxFormatException(path.toString(), "missing initializer '" + name + "'");
        }
        return t;
    }

    /** The initializer's values converted to float32 (row-major). */
    public float[] readFloats(String name) {
        OnnxTensor t = require(name);
        long n = t.elements();
        if (n > Integer.MAX_VALUE - 8) {
            throw new OnnxFormatException(path.toString(), "initializer '" + name + "' is too large for one array");
        }
        return TensorValues.read(seg, t, (int) n, path);
    }

    /** A 2-D initializer as a float32 matrix. */
    public FloatMatrix readMatrix(String name) {
        OnnxTensor t = require(name);
        if (t.dims().length != 2) {
            throw new OnnxFormatException(
                    path.toString(), "initializer '" + name + "' is " + t + ", expected a matrix");
        }
        return new FloatMatrix(Math.toIntExact(t.dims()[0]), Math.toIntExact(t.dims()[1]), readFloats(name));
    }

    /**
     * The token embedding table and how the graph uses it.
     *
     * @param initializer the initializer the Gather reads (the quantized one when quantized)
     * @param gather the Gather node that looks token ids up in it
     * @param dequantize the DequantizeLinear node applied to the table or to the gathered rows, if any
     * @param table the table as float32 (dequantized)
     */
    public record WordEmbeddings(
            String initializer, OnnxNode gather, Optional<OnnxNode> dequantize, FloatMatrix table) {
        public boolean quantized() {
            return dequantize.isPresent();
        }
    }

    /**
     * Finds the Gather whose indices are the graph input {@code input_ids} and returns the table it reads,
     * following a DequantizeLinear before or after the Gather (per-tensor, or per-column along the hidden
     * axis).
     */
    public WordEmbeddings wordEmbeddings() {
        return wordEmbeddings("input_ids");
    }

    public WordEmbeddings wordEmbeddings(String idsInput) {
        String where = path.toString();
        if (!inputs.contains(idsInput)) {
            throw new OnnxFormatException(where, "the graph has no input '" + idsInput + "' (inputs: " + inputs + ")");
        }
        OnnxNode gather = nodes.stream()
                .filter(n -> n.opType().equals("Gather") && n.input(1).equals(idsInput))
                .findFirst()
                .orElseThrow(() -> new OnnxFormatException(where, "no Gather node looks up '" + idsInput + "'"));
        String data = gather.input(0);
        if (initializers.containsKey(data)) {
            OnnxTensor t = initializers.get(data);
            if (t.dataType() == OnnxTensor.UINT8 || t.dataType() == OnnxTensor.INT8) {
                OnnxNode dq = consumer(gather.outputs().getFirst(), "DequantizeLinear")
                        .orElseThrow(() -> new OnnxFormatException(
                                where,
                                "initializer '" + data + "' is " + t + " but no DequantizeLinear follows its Gather"));
                return new WordEmbeddings(data, gather, Optional.of(dq), dequantize(t, dq));
            }
            return new WordEmbeddings(data, gather, Optional.empty(), readMatrix(data));
        }
        OnnxNode producer = nodes.stream()
                .filter(n -> n.outputs().contains(data))
                .findFirst()
                .orElseThrow(() -> new OnnxFormatException(
                        where, "the Gather of '" + idsInput + "' reads '" + data + "', which is no initializer"));
        if (producer.opType().equals("DequantizeLinear") && initializers.containsKey(producer.input(0))) {
            return new WordEmbeddings(
                    producer.input(0), gather, Optional.of(producer), dequantize(require(producer.input(0)), producer));
        }
        throw new OnnxFormatException(
                where,
                "the Gather of '" + idsInput + "' reads the output of " + producer.opType() + " '" + producer.name()
                        + "', not a table");
    }

    private Optional<OnnxNode> consumer(String value, String opType) {
        return nodes.stream()
                .filter(n -> n.opType().equals(opType) && n.input(0).equals(value))
                .findFirst();
    }

    private FloatMatrix dequantize(OnnxTensor q, OnnxNode dq) {
        String where = path.toString();
        if (q.dims().length != 2) {
            throw new OnnxFormatException(where, "quantized table '" + q.name() + "' is " + q + ", expected a matrix");
        }
        int rows = Math.toIntExact(q.dims()[0]);
        int cols = Math.toIntExact(q.dims()[1]);
        float[] values = readFloats(q.name()); // the integers, exactly (|v| <= 255)
        float[] scale = readFloats(dq.input(1));
        float[] zero = dq.input(2).isEmpty() ? new float[] {0} : readFloats(dq.input(2));
        if (scale.length != 1 && scale.length != cols || zero.length != scale.length) {
            throw new OnnxFormatException(
                    where,
                    "DequantizeLinear '" + dq.name() + "' has " + scale.length + " scales and " + zero.length
                            + " zero points; only per-tensor or per-column (hidden axis) quantization is read");
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = scale.length == 1 ? 0 : c;
                int i = r * cols + c;
                // The same float arithmetic as DequantizeLinear: (q - zero_point) * scale.
                values[i] = (values[i] - zero[k]) * scale[k];
            }
        }
        return new FloatMatrix(rows, cols, values);
    }

    // ---- for the rewriter

    MemorySegment segment() {
        return seg;
    }

    long[] graphSpan() {
        return new long[] {graphStart, graphEnd, graphPayloadStart, graphPayloadEnd};
    }

    Optional<long[]> valueInfoSpan(String name) {
        return Optional.ofNullable(valueInfoSpans.get(name));
    }

    @Override
    public void close() {
        arena.close();
    }
}
