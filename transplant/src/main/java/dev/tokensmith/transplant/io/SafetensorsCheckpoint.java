package dev.tokensmith.transplant.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.AtomicFiles;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * A model's weights as one {@code model.safetensors} file or as shards listed by {@code
 * model.safetensors.index.json} (its {@code weight_map} names the shard of each tensor). Reading looks every
 * tensor up through one view; writing splits into shards when the total exceeds a maximum shard size.
 *
 * <pre>{@code
 * try (SafetensorsCheckpoint ckpt = SafetensorsCheckpoint.open(modelDir)) {
 *     FloatMatrix emb = ckpt.readMatrix("model.embed_tokens.weight");
 * }
 * SafetensorsCheckpoint.write(outDir, tensors, Map.of("format", "pt"), 5L << 30); // 5 GB shards
 * }</pre>
 */
public final class SafetensorsCheckpoint implements AutoCloseable {
    public static final String SINGLE_FILE = "model.safetensors";
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private final Path location;
    private final Map<String, SafetensorsFile> byTensor;
    private final List<SafetensorsFile> files;
    private final boolean sharded;

    private SafetensorsCheckpoint(
            Path location, Map<String, SafetensorsFile> byTensor, List<SafetensorsFile> files, boolean sharded) {
        this.location = location;
        this.byTensor = byTensor;
        this.files = files;
        this.sharded = sharded;
    }

    /**
     * Opens a {@code .safetensors} file, an index json, or a directory holding either {@value #INDEX_FILE} or
     * {@value #SINGLE_FILE}.
     */
    public static SafetensorsCheckpoint open(Path fileOrDir) {
        if (Files.isDirectory(fileOrDir)) {
            Path index = fileOrDir.resolve(INDEX_FILE);
            if (Files.isRegularFile(index)) {
                return openIndex(index);
            }
            Path single = fileOrDir.resolve(SINGLE_FILE);
            if (Files.isRegularFile(single)) {
                return openSingle(single);
            }
            throw new ModelFormatException(
                    fileOrDir.toString(),
                    "no " + SINGLE_FILE + " or " + INDEX_FILE + " (only safetensors weights are read)");
        }
        if (!Files.isRegularFile(fileOrDir)) {
            throw new ModelFormatException(fileOrDir.toString(), "no such file or directory");
        }
        return fileOrDir.getFileName().toString().endsWith(".json") ? openIndex(fileOrDir) : openSingle(fileOrDir);
    }

    private static SafetensorsCheckpoint openSingle(Path file) {
        SafetensorsFile f = SafetensorsFile.open(file);
        Map<String, SafetensorsFile> by = new LinkedHashMap<>();
        for (TensorInfo t : f.tensors()) {
            by.put(t.name(), f);
        }
        return new SafetensorsCheckpoint(file, by, List.of(f), false);
    }

    private static SafetensorsCheckpoint openIndex(Path index) {
        String where = index.toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(index.toFile());
        } catch (IOException e) {
            throw new ModelFormatException(where, "not readable as JSON: " + ModelFormatException.oneLine(e), e);
        }
        JsonNode map = root == null ? null : root.get("weight_map");
        if (map == null || !map.isObject()) {
            throw new ModelFormatException(where, "missing object 'weight_map'");
        }
        Map<String, SafetensorsFile> shards = new LinkedHashMap<>();
        Map<String, SafetensorsFile> by = new TreeMap<>();
        try {
            for (Map.Entry<String, JsonNode> e : map.properties()) {
                if (!e.getValue().isTextual()) {
                    throw new ModelFormatException(where, "weight_map entry '" + e.getKey() + "' is not a file name");
                }
                String shardName = e.getValue().asText();
                if (shardName.contains("/") || shardName.contains("\\") || shardName.startsWith("..")) {
                    throw new ModelFormatException(
                            where, "shard '" + shardName + "' is not a file in the index's folder");
                }
                Path shardPath = index.resolveSibling(shardName);
                SafetensorsFile shard = shards.get(shardName);
                if (shard == null) {
                    if (!Files.isRegularFile(shardPath)) {
                        throw new ModelFormatException(
                                where, "shard '" + shardName + "' (of tensor '" + e.getKey() + "') does not exist");
                    }
                    shard = SafetensorsFile.open(shardPath);
                    shards.put(shardName, shard);
                }
                if (shard.find(e.getKey()).isEmpty()) {
                    throw new ModelFormatException(
                            shardPath.toString(), "missing tensor '" + e.getKey() + "' (listed in " + INDEX_FILE + ")");
                }
                by.put(e.getKey(), shard);
            }
        } catch (RuntimeException ex) {
            shards.values().forEach(SafetensorsFile::close);
            throw ex;
        }
        return new SafetensorsCheckpoint(index, by, List.copyOf(shards.values()), true);
    }

    /** The file or index json this checkpoint was opened from. */
    public Path location() {
        return location;
    }

    public boolean sharded() {
        return sharded;
    }

    /** The tensor names (index order for a sharded checkpoint: sorted). */
    public List<String> names() {
        return List.copyOf(byTensor.keySet());
    }

    public boolean contains(String name) {
        return byTensor.containsKey(name);
    }

    /** The open shard holding {@code name}. */
    public SafetensorsFile fileOf(String name) {
        SafetensorsFile f = byTensor.get(name);
        if (f == null) {
            throw new ModelFormatException(location.toString(), "missing tensor '" + name + "'");
        }
        return f;
    }

    /** For each shard file name, the tensors it holds (one entry for an unsharded checkpoint). */
    public Map<String, List<String>> shardLayout() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (SafetensorsFile f : files) {
            out.put(f.path().getFileName().toString(), new ArrayList<>());
        }
        byTensor.forEach((name, f) -> out.get(f.path().getFileName().toString()).add(name));
        return Collections.unmodifiableMap(out);
    }

    public TensorInfo info(String name) {
        return fileOf(name).info(name);
    }

    public MemorySegment bytes(String name) {
        return fileOf(name).bytes(name);
    }

    public float[] readFloats(String name) {
        return fileOf(name).readFloats(name);
    }

    public FloatMatrix readMatrix(String name) {
        return fileOf(name).readMatrix(name);
    }

    /** The {@code __metadata__} of the first file (shards written by HF tools all carry the same). */
    public Map<String, String> metadata() {
        return files.getFirst().metadata();
    }

    @Override
    public void close() {
        files.forEach(SafetensorsFile::close);
    }

    /**
     * Writes {@code tensors} into {@code dir}: one {@value #SINGLE_FILE} when their total size is at most
     * {@code maxShardBytes}, else shards {@code model-00001-of-0000N.safetensors} filled in the given order up
     * to that size (a tensor larger than it gets a shard of its own) and {@value #INDEX_FILE}. Each file is
     * written atomically and the index last.
     *
     * @return the files written, index last
     */
    public static List<Path> write(Path dir, List<TensorData> tensors, Map<String, String> metadata, long maxShardBytes)
            throws IOException {
        return write(dir, tensors, metadata, maxShardBytes, bytes -> {});
    }

    /** As {@link #write(Path, List, Map, long)}, telling {@code bytesWritten} the bytes of each tensor once written. */
    public static List<Path> write(
            Path dir,
            List<TensorData> tensors,
            Map<String, String> metadata,
            long maxShardBytes,
            LongConsumer bytesWritten)
            throws IOException {
        if (maxShardBytes <= 0) {
            throw new IllegalArgumentException("max shard size must be positive, got " + maxShardBytes);
        }
        long total = 0;
        for (TensorData t : tensors) {
            total += t.byteSize();
        }
        Files.createDirectories(dir);
        if (total <= maxShardBytes) {
            Path single = dir.resolve(SINGLE_FILE);
            SafetensorsWriter.write(single, tensors, metadata, bytesWritten);
            return List.of(single);
        }
        List<List<TensorData>> shards = new ArrayList<>();
        List<TensorData> current = new ArrayList<>();
        long size = 0;
        for (TensorData t : tensors) {
            if (!current.isEmpty() && size + t.byteSize() > maxShardBytes) {
                shards.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(t);
            size += t.byteSize();
        }
        shards.add(current);
        List<Path> written = new ArrayList<>();
        Map<String, String> weightMap = new TreeMap<>();
        for (int i = 0; i < shards.size(); i++) {
            String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            Path p = dir.resolve(name);
            SafetensorsWriter.write(p, shards.get(i), metadata, bytesWritten);
            written.add(p);
            for (TensorData t : shards.get(i)) {
                weightMap.put(t.name(), name);
            }
        }
        ObjectNode index = Json.object();
        index.putObject("metadata").put("total_size", total);
        ObjectNode wm = index.putObject("weight_map");
        weightMap.forEach(wm::put);
        Path indexPath = dir.resolve(INDEX_FILE);
        AtomicFiles.writeString(
                indexPath, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(index) + "\n");
        written.add(indexPath);
        return written;
    }
}
